/*
 * Branding settings: the preview follows the form as you type. It is a sandboxed frame (no scripts, its own opaque
 * origin) written from the field values, so custom CSS under test styles only the sample page inside it and can
 * never reach the console around it. Values the API would refuse are left out of the preview, as the console
 * would leave them out of its pages.
 */
(function () {
    'use strict';

    const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

    function value(id) {
        const field = document.getElementById(id);
        return field ? field.value.trim() : '';
    }

    function escapeHtml(text) {
        return text.replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    /** #abc → #aabbcc, which is all an input of type color accepts. */
    function sixDigits(color) {
        return color.length === 4
            ? '#' + color[1] + color[1] + color[2] + color[2] + color[3] + color[3] : color;
    }

    function previewDocument(name) {
        const primary = HEX.test(value('primaryColor')) ? value('primaryColor') : '';
        const secondary = HEX.test(value('secondaryColor')) ? value('secondaryColor') : '';
        const logo = value('logoUrl').startsWith('https://') ? value('logoUrl') : '';
        // '<' can never end the style element: the API refuses markup in custom CSS anyway.
        const css = value('customCss').replace(/</g, '\\3c ');
        const variables = (primary ? '--brand:' + primary + ';' : '') + (secondary ? '--brand-2:' + secondary + ';' : '');
        return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            + '<link rel="stylesheet" href="' + location.origin + '/console/console.css">'
            + '<style>' + css + '</style></head>'
            + '<body style="' + escapeHtml(variables) + '">'
            + '<header class="topbar"><span class="brand">'
            + (logo ? '<img class="brand-logo" alt="" src="' + escapeHtml(logo) + '">' : '')
            + '<span>' + escapeHtml(name) + '</span></span>'
            + '<ul class="nav"><li><a href="#preview">Settings</a></li></ul></header>'
            + '<main class="page"><div class="card"><h1>Welcome back</h1>'
            + '<p>A sample page with <a href="#preview">a link</a>.</p>'
            + '<div class="actions"><button class="button" type="button" id="preview-primary">Save</button>'
            + '<button class="button button-light" type="button">Cancel</button></div></div></main></body></html>';
    }

    function render(frame) {
        frame.srcdoc = previewDocument(frame.dataset.name || '');
    }

    document.addEventListener('DOMContentLoaded', function () {
        const frame = document.querySelector('[data-branding-preview]');
        if (!frame) {
            return;
        }
        document.querySelectorAll('[data-color-for]').forEach(function (picker) {
            const text = document.getElementById(picker.dataset.colorFor);
            const sync = function () {
                if (HEX.test(text.value.trim())) {
                    picker.value = sixDigits(text.value.trim()).toLowerCase();
                }
            };
            sync();
            picker.addEventListener('input', function () {
                text.value = picker.value;
                render(frame);
            });
            text.addEventListener('input', sync);
        });
        document.querySelectorAll('[data-preview]').forEach(function (field) {
            field.addEventListener('input', function () { render(frame); });
        });
        render(frame);
    });
})();
