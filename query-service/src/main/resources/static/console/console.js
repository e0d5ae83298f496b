/*
 * Tenancy Console: the small script behind every page. Pages are rendered on the server; this file sends their
 * forms and buttons to the API (same origin, session cookie + the console header), shows the server's reasons next to
 * the fields they name, and renews an expired session once before giving up. No inline scripts anywhere (the pages'
 * Content-Security-Policy forbids them): page-specific behaviour lives in its own file and uses window.TenancyConsole.
 */
(function () {
    'use strict';

    const CONSOLE_HEADER = {'X-Requested-With': 'tenancy-console'};
    const FLASH_KEY = 'tenancy-console-flash';
    const RENEW_KEY = 'tenancy-console-renewed-at';

    async function renew() {
        const response = await fetch('/api/v1/auth/refresh', {
            method: 'POST', headers: CONSOLE_HEADER, credentials: 'same-origin'
        });
        sessionStorage.setItem(RENEW_KEY, String(Date.now()));
        return response.ok;
    }

    function signInAgain() {
        location.assign('/signin?next=' + encodeURIComponent(location.pathname + location.search));
    }

    /** One API call. Answers {ok, status, data, headers}; data is the parsed JSON body (problem+json included). */
    async function api(method, url, body) {
        const init = {method: method, credentials: 'same-origin',
            headers: Object.assign({'Accept': 'application/json, application/problem+json'}, CONSOLE_HEADER)};
        if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        let response = await fetch(url, init);
        if (response.status === 401 && !url.startsWith('/api/v1/auth/')) {
            if (await renew()) {
                response = await fetch(url, init);
            }
            if (response.status === 401) {
                signInAgain();
            }
        }
        const type = response.headers.get('content-type') || '';
        const data = type.includes('json') ? await response.json().catch(function () { return null; }) : null;
        return {ok: response.ok, status: response.status, data: data, headers: response.headers};
    }

    function setPath(target, path, value) {
        const parts = path.split('.');
        let node = target;
        for (let i = 0; i < parts.length - 1; i++) {
            node[parts[i]] = node[parts[i]] || {};
            node = node[parts[i]];
        }
        node[parts[parts.length - 1]] = value;
    }

    /**
     * A form's fields as the API's JSON: names are JSON paths ("general.timezone"); data-type says number, list
     * (comma or line separated), json, boolean ("true"/"false" values) or checklist (checked boxes sharing a name
     * make one array); data-omit-empty leaves an empty field out, data-empty-as-null sends null.
     */
    function formBody(form) {
        const body = {};
        const lists = {};
        for (const field of form.elements) {
            if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') {
                continue;
            }
            const type = field.dataset.type;
            if (type === 'checklist') {
                lists[field.name] = lists[field.name] || [];
                if (field.checked) {
                    lists[field.name].push(field.value);
                }
                continue;
            }
            if (field.type === 'radio' && !field.checked) {
                continue;
            }
            let value = field.type === 'checkbox' ? field.checked : field.value;
            if (value === '' && field.dataset.omitEmpty !== undefined) {
                continue;
            }
            if (value === '' && field.dataset.emptyAsNull !== undefined) {
                value = null;
            } else if (type === 'number') {
                value = value === '' ? null : Number(value);
            } else if (type === 'list') {
                value = value.split(/[\n,]/).map(function (item) { return item.trim(); }).filter(Boolean);
            } else if (type === 'boolean') {
                value = value === 'true';
            } else if (type === 'json') {
                value = value.trim() === '' ? null : parseJson(field, value);
            }
            setPath(body, field.name, value);
        }
        Object.keys(lists).forEach(function (name) { setPath(body, name, lists[name]); });
        return body;
    }

    function parseJson(field, text) {
        try {
            return JSON.parse(text);
        } catch (e) {
            throw {field: field.name, message: field.name + ' is not valid JSON'};
        }
    }

    /**
     * The alert (failures) or status (successes) line of a form or action scope, made on first use; with own,
     * only one of the scope's own children counts, not one of a nested form's.
     */
    function messageBox(form, failure, own) {
        const marker = failure ? 'formError' : 'formSuccess';
        const selector = failure ? '[data-form-error]' : '[data-form-success]';
        let box = form.querySelector(own ? ':scope > ' + selector : selector);
        if (!box) {
            box = document.createElement('p');
            box.className = failure ? 'form-error' : 'form-success';
            box.setAttribute('role', failure ? 'alert' : 'status');
            box.dataset[marker] = '';
            form.appendChild(box);
        }
        return box;
    }

    function clearErrors(form) {
        form.querySelectorAll('.field-error').forEach(function (node) { node.remove(); });
        form.querySelectorAll('[aria-invalid]').forEach(function (node) {
            node.removeAttribute('aria-invalid');
            node.removeAttribute('aria-describedby');
        });
        const error = form.querySelector('[data-form-error]');
        if (error) {
            error.hidden = true;
            error.textContent = '';
        }
        const success = form.querySelector('[data-form-success]');
        if (success) {
            success.hidden = true;
        }
    }

    function fieldFor(form, name) {
        const escaped = window.CSS && CSS.escape ? CSS.escape(name) : name;
        return form.querySelector('[name="' + escaped + '"]') || form.querySelector('[data-field="' + escaped + '"]');
    }

    /** The server's reason: each named field gets its message beside it, the rest goes into the form's alert. */
    function showProblem(form, problem, status) {
        clearErrors(form);
        const unplaced = [];
        let first = null;
        (problem && Array.isArray(problem.errors) ? problem.errors : []).forEach(function (error, index) {
            const field = error.field ? fieldFor(form, error.field) : null;
            if (!field) {
                unplaced.push((error.field ? error.field + ': ' : '') + error.message);
                return;
            }
            const message = document.createElement('p');
            message.className = 'field-error';
            message.id = (form.id || 'form') + '-error-' + index;
            message.textContent = error.message;
            (field.closest('.field') || field.parentNode).appendChild(message);
            field.setAttribute('aria-invalid', 'true');
            field.setAttribute('aria-describedby', message.id);
            first = first || field;
        });
        const box = messageBox(form, true);
        const reason = problem && (problem.detail || problem.title);
        box.textContent = (reason || 'The request failed (status ' + status + ').')
            + (unplaced.length ? ' ' + unplaced.join('; ') : '');
        box.hidden = false;
        if (first) {
            first.focus();
        }
    }

    function showSuccess(form, text) {
        const box = messageBox(form, false);
        box.textContent = text;
        box.hidden = false;
    }

    /** A message to show after the next page load (a change usually reloads the page to show its result). */
    function flash(text) {
        sessionStorage.setItem(FLASH_KEY, text);
    }

    function showFlash() {
        const text = sessionStorage.getItem(FLASH_KEY);
        if (!text) {
            return;
        }
        sessionStorage.removeItem(FLASH_KEY);
        const main = document.querySelector('main');
        if (!main) {
            return;
        }
        const box = document.createElement('p');
        box.className = 'form-success';
        box.setAttribute('role', 'status');
        box.dataset.flash = '';
        box.textContent = text;
        main.insertBefore(box, main.firstElementChild ? main.firstElementChild.nextSibling : null);
    }

    /** Reloads the page once the read side has the change (the tenant's version rides along as ?v=). */
    function reloadAfter(result) {
        const url = new URL(location.href);
        const version = result.headers.get('X-Tenant-Version')
            || (result.data && typeof result.data.version === 'number' ? String(result.data.version) : null);
        if (version) {
            url.searchParams.set('v', version);
        }
        location.assign(url.toString());
    }

    async function submitting(control, work) {
        const buttons = control.tagName === 'FORM'
            ? control.querySelectorAll('button[type=submit], button:not([type])') : [control];
        buttons.forEach(function (button) { button.disabled = true; });
        control.setAttribute('aria-busy', 'true');
        try {
            return await work();
        } finally {
            buttons.forEach(function (button) { button.disabled = false; });
            control.removeAttribute('aria-busy');
        }
    }

    /**
     * After a success: data-after="reload" (default: reload showing data-success), "redirect:/path", "stay" (show
     * data-success in place). Every outcome is also dispatched as an "api:result" event for page scripts.
     */
    function afterSuccess(control, form, result) {
        const message = control.dataset.success || 'Saved.';
        const after = control.dataset.after || 'reload';
        control.dispatchEvent(new CustomEvent('api:result', {bubbles: true, detail: result}));
        if (after === 'stay') {
            if (form) {
                showSuccess(form, message);
            }
        } else if (after.startsWith('redirect:')) {
            flash(message);
            location.assign(after.substring('redirect:'.length));
        } else if (after === 'reload') {
            flash(message);
            reloadAfter(result);
        }
    }

    async function sendForm(form) {
        clearErrors(form);
        let body;
        try {
            body = formBody(form);
        } catch (invalid) {
            showProblem(form, {detail: 'Please correct the field.', errors: [invalid]}, 400);
            return;
        }
        const result = await submitting(form, function () {
            return api(form.dataset.method || 'POST', form.dataset.apiForm, body);
        });
        if (result.ok) {
            afterSuccess(form, form, result);
        } else {
            form.dispatchEvent(new CustomEvent('api:result', {bubbles: true, detail: result}));
            showProblem(form, result.data, result.status);
        }
    }

    async function sendAction(button) {
        if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
            return;
        }
        const form = button.closest('form') || button.parentNode;
        const body = button.dataset.body ? JSON.parse(button.dataset.body) : undefined;
        const result = await submitting(button, function () {
            return api(button.dataset.method || 'POST', button.dataset.apiAction, body);
        });
        if (result.ok) {
            afterSuccess(button, null, result);
        } else {
            button.dispatchEvent(new CustomEvent('api:result', {bubbles: true, detail: result}));
            const box = messageBox(button.closest('[data-action-scope]') || form, true, true);
            box.textContent = (result.data && (result.data.detail || result.data.title))
                || 'The request failed (status ' + result.status + ').';
            box.hidden = false;
        }
    }

    async function signIn(form) {
        clearErrors(form);
        const body = formBody(form);
        ['tenant', 'code'].forEach(function (name) {
            if (!body[name]) {
                delete body[name];
            }
        });
        const result = await submitting(form, function () { return api('POST', '/api/v1/auth/login', body); });
        if (!result.ok) {
            showProblem(form, result.data, result.status);
            return;
        }
        if (result.data && result.data.mfaRequired) {
            const mfa = form.querySelector('[data-mfa]');
            mfa.hidden = false;
            showSuccess(form, 'Enter the code from your authenticator app (or a recovery code).');
            mfa.querySelector('input').focus();
            return;
        }
        location.assign(form.dataset.next || '/dashboard');
    }

    async function signUp(form) {
        clearErrors(form);
        const body = formBody(form);
        const created = await submitting(form, function () { return api('POST', '/api/v1/tenants/signup', body); });
        if (!created.ok) {
            showProblem(form, created.data, created.status);
            return;
        }
        const session = await api('POST', '/api/v1/auth/login',
            {email: body.ownerEmail, password: body.ownerPassword, tenant: body.slug});
        if (!session.ok) {
            showProblem(form, session.data, session.status);
            return;
        }
        flash('Welcome! Your organisation is ready.');
        location.assign('/dashboard/tenant/settings?v=' + created.data.version);
    }

    /** Coming back from an expired access token: the refresh cookie may still hold a session. */
    async function renewOnSignInPage(form) {
        const next = form.dataset.next;
        const last = Number(sessionStorage.getItem(RENEW_KEY) || 0);
        if (!next || !new URLSearchParams(location.search).has('next') || Date.now() - last < 10000) {
            return;
        }
        if (await renew()) {
            location.replace(next);
        }
    }

    document.addEventListener('submit', function (event) {
        const form = event.target;
        if (form.matches('[data-api-form]')) {
            event.preventDefault();
            sendForm(form);
        } else if (form.matches('[data-sign-in]')) {
            event.preventDefault();
            signIn(form);
        } else if (form.matches('[data-sign-up]')) {
            event.preventDefault();
            signUp(form);
        }
    });

    document.addEventListener('click', async function (event) {
        const action = event.target.closest('[data-api-action]');
        if (action) {
            event.preventDefault();
            sendAction(action);
            return;
        }
        if (event.target.closest('[data-sign-out]')) {
            await api('POST', '/api/v1/auth/logout');
            location.assign('/signin');
            return;
        }
        if (event.target.closest('[data-exit-impersonation]')) {
            const result = await api('POST', '/api/v1/auth/impersonation/exit');
            location.assign(result.ok ? '/dashboard/tenants' : '/signin');
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        showFlash();
        const signInForm = document.querySelector('[data-sign-in]');
        if (signInForm) {
            renewOnSignInPage(signInForm);
        }
    });

    window.TenancyConsole = {
        api: api, formBody: formBody, showProblem: showProblem, showSuccess: showSuccess, clearErrors: clearErrors,
        flash: flash, reloadAfter: reloadAfter
    };
})();
