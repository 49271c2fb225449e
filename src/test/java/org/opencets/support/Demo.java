package org.opencets.support;

/** Facts about the demo region (src/main/resources/demo) that tests rely on. */
public final class Demo {

    public static final String PASSWORD = "Demo@2026";

    /** 浙江浙能北仑滨海发电有限公司, 北仑区 330206 (Ningbo) */
    public static final String BEILUN_POWER_USCC = "913302067801480643";
    /** 浙江上虞春晖特种纸业有限公司, 上虞区 330604 (Shaoxing): two years below 26,000 t */
    public static final String SHANGYU_PAPER_USCC = "91330604491082660P";

    /** A valid USCC no one else has: "91", the region code, 9 random code characters and the check character. */
    public static String freshUscc(String region) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            sb.append(charset.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(charset.length())));
        }
        return sb.append(org.opencets.shared.Uscc.checkCharacter(sb.toString())).toString();
    }

    /** Logs a demo (or test-made) user in through the login form and returns the session. */
    public static org.springframework.mock.web.MockHttpSession login(org.springframework.test.web.servlet.MockMvc mvc, String username)
            throws Exception {
        var result = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/login").user(username).password(PASSWORD)).andReturn();
        if (!"/home".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("login of " + username + " failed: " + result.getResponse().getRedirectedUrl());
        }
        return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession();
    }

    private Demo() {
    }
}
