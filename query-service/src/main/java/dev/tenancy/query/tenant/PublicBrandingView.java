package dev.tenancy.query.tenant;

/**
 * What a tenant's login page shows before anyone signs in. The custom fields are null (the product's own look)
 * while the tenant's features do not include WHITE_LABEL, even if branding was stored earlier.
 */
public record PublicBrandingView(String tenant, String name, String logoUrl, String primaryColor,
                                 String secondaryColor, String customCss) {
}
