package org.opencets.support;

/** Facts about the demo region (src/main/resources/demo) that tests rely on. */
public final class Demo {

    public static final String PASSWORD = "Demo@2026";

    /** 浙江浙能北仑滨海发电有限公司, 北仑区 330206 (Ningbo) */
    public static final String BEILUN_POWER_USCC = "913302067801480643";
    /** 浙江上虞春晖特种纸业有限公司, 上虞区 330604 (Shaoxing): two years below 26,000 t */
    public static final String SHANGYU_PAPER_USCC = "91330604491082660P";

    private Demo() {
    }
}
