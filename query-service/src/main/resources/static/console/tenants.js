/*
 * The superadmin's tenant page: limit and feature overrides go to PATCH /api/v1/tenants/{id} as the whole objects
 * the API replaces (an empty field follows the plan), and the delete button stays disabled until the slug is typed.
 */
(function () {
    'use strict';

    const consoleApi = window.TenancyConsole;

    function limitsBody(form) {
        const limits = {};
        form.querySelectorAll('[data-limit]').forEach(function (row) {
            const key = row.dataset.limit;
            const max = row.querySelector('[data-limit-max]');
            const unlimited = row.querySelector('[data-limit-unlimited]');
            if (unlimited.checked) {
                limits[key] = {unlimited: true};
            } else if (max.value.trim() !== '') {
                limits[key] = {max: Number(max.value)};
            }
        });
        const integrations = form.querySelector('[name="limits.customIntegrations"]');
        if (integrations.value !== '') {
            limits.customIntegrations = integrations.value === 'true';
        }
        return {limits: limits};
    }

    function featuresBody(form) {
        const features = {};
        form.querySelectorAll('select[name^="features."]').forEach(function (select) {
            if (select.value !== '') {
                features[select.name.substring('features.'.length)] = select.value === 'true';
            }
        });
        return {features: features};
    }

    async function sendOverrides(form) {
        consoleApi.clearErrors(form);
        const body = form.dataset.overridesForm === 'limits' ? limitsBody(form) : featuresBody(form);
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        form.setAttribute('aria-busy', 'true');
        let result;
        try {
            result = await consoleApi.api('PATCH', form.dataset.apiUrl, body);
        } finally {
            button.disabled = false;
            form.removeAttribute('aria-busy');
        }
        form.dispatchEvent(new CustomEvent('api:result', {bubbles: true, detail: result}));
        if (result.ok) {
            consoleApi.flash(form.dataset.success);
            consoleApi.reloadAfter(result);
        } else {
            consoleApi.showProblem(form, result.data, result.status);
        }
    }

    document.addEventListener('submit', function (event) {
        const form = event.target;
        if (form.matches('[data-overrides-form]')) {
            event.preventDefault();
            sendOverrides(form);
        }
    });

    /* An unlimited override has no number: the field is off while Unlimited is ticked. */
    document.addEventListener('change', function (event) {
        const box = event.target.closest('[data-limit-unlimited]');
        if (box) {
            const max = box.closest('[data-limit]').querySelector('[data-limit-max]');
            max.disabled = box.checked;
        }
    });

    const confirmation = document.querySelector('[data-confirm-slug]');
    if (confirmation) {
        const button = confirmation.form.querySelector('[data-delete-button]');
        const sync = function () {
            button.disabled = confirmation.value.trim() !== confirmation.dataset.confirmSlug;
        };
        confirmation.addEventListener('input', sync);
        /* console.js enables the button again after a refused request; only the typed slug may enable it. */
        confirmation.form.addEventListener('api:result', function () {
            window.setTimeout(sync, 0);
        });
        sync();
    }
})();
