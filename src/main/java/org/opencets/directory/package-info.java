/**
 * Directory (名录): key emitters with their facilities and generating units, and the yearly list
 * of covered emitters that districts propose and cities approve and publish (seed 002 §一,
 * seed 004 §三(一)1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory of key emitters")
package org.opencets.directory;
