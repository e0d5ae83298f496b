package dev.tenancy.api.tenant.query;

/**
 * A tenant's branding as stored (customCss was sanitized when it was set). {@code whiteLabel}: whether the tenant's
 * effective features include WHITE_LABEL, without which the branding is not shown to its users.
 */
public record BrandingView(
        String logoUrl,
        String primaryColor,
        String secondaryColor,
        String customCss,
        boolean whiteLabel) {
}
