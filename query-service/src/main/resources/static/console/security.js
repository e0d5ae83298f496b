/*
 * Security settings: the authenticator app's one-time enrollment (secret, setup address, then recovery codes) is
 * shown from the API's answers in place, never stored; errors on allow-list entries are shown at the allow-list.
 */
(function () {
    'use strict';

    function show(selector, visible) {
        const node = document.querySelector(selector);
        if (node) {
            node.hidden = !visible;
        }
        return node;
    }

    function enrolled(data) {
        document.querySelector('[data-mfa-secret]').textContent = data.secret;
        document.querySelector('[data-mfa-uri]').textContent = data.otpauthUri;
        show('[data-mfa-start]', false);
        show('[data-mfa-enrollment]', true);
        document.getElementById('mfa-code').focus();
    }

    function confirmed(data) {
        const list = document.querySelector('[data-mfa-codes]');
        list.replaceChildren();
        (data.recoveryCodes || []).forEach(function (code) {
            const item = document.createElement('li');
            const text = document.createElement('code');
            text.textContent = code;
            item.appendChild(text);
            list.appendChild(item);
        });
        show('[data-mfa-enrollment]', false);
        show('[data-mfa-recovery]', true);
        const status = document.querySelector('[data-testid=mfa-status]');
        status.textContent = 'On';
        status.className = 'badge badge-ok';
    }

    /** "security.ipAllowList[2]" names a line of the allow-list textarea: say which, beside the textarea. */
    function allowListErrorsOnTheList(problem) {
        if (!problem || !Array.isArray(problem.errors)) {
            return;
        }
        problem.errors.forEach(function (error) {
            const entry = /^security\.ipAllowList\[(\d+)\]$/.exec(error.field || '');
            if (entry) {
                error.field = 'security.ipAllowList';
                error.message = 'Line ' + (Number(entry[1]) + 1) + ': ' + error.message;
            }
        });
    }

    document.addEventListener('api:result', function (event) {
        const result = event.detail;
        const target = event.target;
        if (target.id === 'mfa-enroll' && result.ok) {
            enrolled(result.data);
        } else if (target.id === 'mfa-confirm-form' && result.ok) {
            confirmed(result.data);
        } else if (target.id === 'security-form' && !result.ok) {
            allowListErrorsOnTheList(result.data);
        }
    });
})();
