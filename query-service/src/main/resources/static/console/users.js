/*
 * Users and API keys settings: the API answers an invitation's token and a new key's secret exactly once, to this
 * browser. They are shown here and never stored anywhere; "Done" reloads the lists at the version the change
 * answered, which no longer contain them.
 */
(function () {
    'use strict';

    function listUrl(result, hash) {
        const url = new URL(location.href);
        url.hash = hash || '';
        const version = result.headers.get('X-Tenant-Version');
        if (version) {
            url.searchParams.set('v', version);
        }
        return url.pathname + url.search + url.hash;
    }

    function reveal(panel, result, hash) {
        panel.querySelectorAll('[data-reload-list]').forEach(function (link) {
            link.setAttribute('href', listUrl(result, hash));
        });
        panel.querySelector('[data-copy-status]').textContent = '';
        panel.hidden = false;
        panel.focus();
    }

    function showInvitation(form, result) {
        const panel = document.getElementById('invitation-secret');
        const token = result.data.token;
        document.getElementById('invitation-token').value = token;
        document.getElementById('invitation-accept').value = 'curl -X POST ' + location.origin
            + '/api/v1/auth/invitations/accept -H "Content-Type: application/json" -d \'{"token": "'
            + token + '", "password": "<12 to 128 characters>"}\'';
        panel.querySelector('[data-invitation-expires]').textContent = result.data.expiresAt;
        form.reset();
        reveal(panel, result, '');
    }

    function showKey(form, result) {
        const panel = document.getElementById('key-secret');
        document.getElementById('key-value').value = result.data.key;
        form.reset();
        reveal(panel, result, 'api-keys');
    }

    async function copy(button) {
        const field = document.getElementById(button.dataset.copy);
        const status = button.closest('.secret').querySelector('[data-copy-status]');
        try {
            await navigator.clipboard.writeText(field.value);
            status.textContent = 'Copied.';
        } catch (refused) {
            field.focus();
            field.select();
            status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
        }
    }

    document.addEventListener('api:result', function (event) {
        const result = event.detail;
        if (!result.ok || !result.data) {
            return;
        }
        if (event.target.id === 'invite-form') {
            showInvitation(event.target, result);
        } else if (event.target.id === 'api-key-form') {
            showKey(event.target, result);
        }
    });

    document.addEventListener('click', function (event) {
        const button = event.target.closest('[data-copy]');
        if (button) {
            copy(button);
        }
    });
})();
