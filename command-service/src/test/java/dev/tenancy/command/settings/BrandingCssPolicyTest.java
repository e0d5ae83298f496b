package dev.tenancy.command.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BrandingCssPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            ".header { color: #fff; background: #123456 }",
            "/* brand colours */ a:hover > span { text-decoration: underline }",
            ".logo { background-image: url(/assets/logo.png) }",
            ".logo { background-image: url('img/logo.png') }",
            ".logo { background-image: url( \"../img/logo.png?v=2#x\" ) }",
            ".dot { background: url(data:image/png;base64,iVBORw0KGgo=) }",
            ".dot { background: URL(\"data:image/webp;base64,UklGRg==\") }",
            "@media (max-width: 600px) { .nav { display: none } }",
            "@font-face { font-family: Brand; src: url(/fonts/brand.woff2) format('woff2') }",
            ".a::before { content: 'Hello' }",
            ""})
    void plainStylingIsAccepted(String css) {
        assertThat(BrandingCssPolicy.violation(css)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "</style><script>alert(1)</script>",
            "</STYLE >",
            "a { content: '<b>' }",
            "@import url(/other.css);",
            "@IMPORT 'x.css';",
            "@im/**/port 'x.css';",
            "@charset \"utf-8\";",
            "a { width: expression(alert(1)) }",
            "a { width: EXPRESSION (alert(1)) }",
            "a { background: url(javascript:alert(1)) }",
            "a { background: url('JavaScript :alert(1)') }",
            "a { behavior: url(x.htc) }",
            "a { -moz-binding: url(x.xml#x) }",
            "a { content: '\\41' }",
            "a { background: u\\rl(https://evil.test/x) }",
            "a { background: url(https://evil.test/x.png) }",
            "a { background: url(HTTP://evil.test/x.png) }",
            "a { background: url(//evil.test/x.png) }",
            "a { background: url(  '//evil.test/x.png') }",
            "a { background: url(data:image/svg+xml;base64,PHN2Zz4=) }",
            "a { background: url(data:text/html,hi) }",
            "a { background: url(ftp:x) }",
            "a { background: url() }",
            "a { background: url(/x.png }",
            "a { background: image-set('https://evil.test/x.png' 1x) }",
            "/* url(https://evil.test/x.png) */ a { color: red }",
            "a { color: red }\u0000"})
    void anythingThatRunsScriptLeavesTheStyleOrLoadsFromElsewhereIsRefused(String css) {
        assertThat(BrandingCssPolicy.violation(css)).as(css).isPresent();
    }

    @Test
    void theReasonNamesWhatIsWrong() {
        assertThat(BrandingCssPolicy.violation("</style>")).contains("must not close the style element (</style)");
        assertThat(BrandingCssPolicy.violation("@import 'x';")).contains("must not import other stylesheets (@import)");
        assertThat(BrandingCssPolicy.violation("a{background:url(https://x.test/a.png)}")).hasValueSatisfying(
                reason -> assertThat(reason).contains("relative paths"));
    }

    @Test
    void atMostTwentyThousandCharacters() {
        assertThat(BrandingCssPolicy.violation("a".repeat(BrandingCssPolicy.MAX_LENGTH))).isEmpty();
        assertThat(BrandingCssPolicy.violation("a".repeat(BrandingCssPolicy.MAX_LENGTH + 1)))
                .contains("must be at most 20000 characters");
    }
}
