package org.opencets.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Checks that what pages and refusals show exists in the message bundles, in Chinese and in English. */
public final class MessageBundles {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)");

    private MessageBundles() {
    }

    public static Properties bundle(String path) {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Every key of every bundle in one language ("" for Chinese, "_en" for English). */
    public static Set<String> allKeys(String suffix) {
        Set<String> all = new HashSet<>();
        try {
            for (var r : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
                String name = r.getFilename();
                boolean english = name.endsWith("_en.properties");
                if (suffix.isEmpty() ? !name.contains("_") : english) {
                    all.addAll(bundle("messages/" + name).stringPropertyNames());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The Chinese and English bundles of {@code base} (e.g. "messages/ccer") have the same keys. */
    public static void assertBothLanguages(String base) {
        assertThat(bundle(base + "_en.properties").stringPropertyNames()).as(base)
                .containsExactlyInAnyOrderElementsOf(bundle(base + ".properties").stringPropertyNames());
    }

    /** Every #{key} written literally in the templates of a folder exists in some bundle; returns the templates' text. */
    public static List<String> assertTemplateKeysExist(String templateFolder) {
        Set<String> all = allKeys("");
        List<String> texts = new ArrayList<>();
        try {
            for (var r : new PathMatchingResourcePatternResolver().getResources("classpath:templates/" + templateFolder + "/*.html")) {
                String html = r.getContentAsString(StandardCharsets.UTF_8);
                texts.add(html);
                Matcher m = TEMPLATE_KEY.matcher(html);
                while (m.find()) {
                    assertThat(all).as("%s in %s", m.group(1), r.getFilename()).contains(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * Every message code a module's Java sources name as a literal ("compliance.offset.cap", "denied.registry.…") exists
     * in Chinese and in English: a refusal must tell the user what to fix in their language.
     */
    public static void assertCodesExist(String module, String... prefixes) {
        Pattern code = Pattern.compile("\"((?:" + String.join("|", prefixes).replace(".", "\\.") + ")\\.[A-Za-z][\\w.]*)\"");
        Set<String> zh = allKeys("");
        Set<String> en = allKeys("_en");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/opencets", module))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".")) {
                        assertThat(zh).as("%s in %s", key, f.getFileName()).contains(key);
                        assertThat(en).as("%s (English) in %s", key, f.getFileName()).contains(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
