package org.opencets.directory;

public enum CoolingType { WATER, AIR, BACK_PRESSURE }
