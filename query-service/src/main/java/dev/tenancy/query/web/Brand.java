package dev.tenancy.query.web;

import dev.tenancy.api.tenant.query.BrandingView;
import dev.tenancy.api.tenant.query.TenantDetailsView;

import java.util.regex.Pattern;

/**
 * How a tenant's pages look: its name always, its logo, colors and custom CSS only with white-label branding
 * (Enterprise). Colors are used only when they are plain hex colors and the custom CSS never contains '<', so
 * neither can end the style element they are written into.
 */
public record Brand(String slug, String name, String logoUrl, String primaryColor, String secondaryColor,
                    String customCss) {

    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");

    public static Brand of(TenantDetailsView tenant) {
        BrandingView branding = tenant.branding();
        if (branding == null || !branding.whiteLabel()) {
            return new Brand(tenant.slug(), tenant.name(), null, null, null, null);
        }
        return new Brand(tenant.slug(), tenant.name(), https(branding.logoUrl()), color(branding.primaryColor()),
                color(branding.secondaryColor()), css(branding.customCss()));
    }

    /** The CSS custom properties the console's stylesheet reads, or null when the tenant sets none. */
    public String cssVariables() {
        StringBuilder css = new StringBuilder();
        if (primaryColor != null) {
            css.append("--brand:").append(primaryColor).append(';');
        }
        if (secondaryColor != null) {
            css.append("--brand-2:").append(secondaryColor).append(';');
        }
        return css.isEmpty() ? null : css.toString();
    }

    private static String color(String value) {
        return value != null && HEX_COLOR.matcher(value).matches() ? value : null;
    }

    private static String https(String url) {
        return url != null && url.startsWith("https://") ? url : null;
    }

    private static String css(String value) {
        return value == null || value.isBlank() || value.contains("<") ? null : value;
    }
}
