/*
 * Projections: after "Replay" (console.js posts the rebuild and reports it as api:result), the projection is polled
 * every second and its card redrawn, progress bar included, until its rebuild has finished. A rebuild already running
 * when the page opens is followed the same way. Wording and figures match ProjectionCard's server-side rendering.
 */
(function () {
    'use strict';

    const POLL_MS = 1000;
    const watched = new Map();

    function card(name) {
        return document.querySelector('[data-projection="' + CSS.escape(name) + '"]');
    }

    function part(node, key) {
        return node.querySelector('[data-show="' + key + '"]');
    }

    /** Java's Double.toString for the figures the API rounds to one decimal: 100.0, 39.8. */
    function decimal(value) {
        return Number.isInteger(value) ? value + '.0' : String(value);
    }

    function lag(live) {
        const segments = live.segments || [];
        const events = segments.length ? Math.max.apply(null, segments.map(function (s) { return s.eventsBehind; }))
            : live.eventsTotal;
        const seconds = segments.map(function (s) { return s.secondsBehind; })
            .filter(function (s) { return s !== null && s !== undefined; });
        return events + ' events, ' + (seconds.length ? decimal(Math.max.apply(null, seconds)) + ' s' : 'not started');
    }

    function rebuildStatus(rebuild) {
        switch (rebuild.phase) {
            case 'COMPLETED':
                return 'Replay completed: ' + rebuild.eventsTotal + ' events.';
            case 'FAILED':
                return 'Replay failed: ' + rebuild.error;
            case 'SWITCHING':
                return 'Replay caught up; switching readers to the rebuilt model.';
            default:
                return 'Replaying: ' + rebuild.eventsDone + ' of ' + rebuild.eventsTotal + ' events ('
                    + decimal(rebuild.percent) + '%).';
        }
    }

    function deadLetters(node, view) {
        const box = part(node, 'dead-letters');
        box.textContent = '';
        if (view.deadLetters > 0) {
            const a = document.createElement('a');
            a.href = '/api/v1/admin/dead-letters?group=' + encodeURIComponent(view.name);
            a.textContent = view.deadLetters + ' parked (JSON)';
            box.append(a);
        } else {
            box.textContent = 'none';
        }
    }

    function render(node, view) {
        const state = part(node, 'state');
        state.textContent = view.state;
        state.classList.toggle('badge-warn', view.state === 'REBUILDING');
        state.classList.toggle('badge-ok', view.state !== 'REBUILDING');
        const live = view.live;
        part(node, 'events').textContent = live.eventsDone + ' of ' + live.eventsTotal + ' (' + decimal(live.percent)
            + '%)';
        part(node, 'lag').textContent = lag(live);
        part(node, 'rate').textContent = decimal(live.rate) + ' events/s';
        deadLetters(node, view);
        const rebuild = view.rebuild || view.lastRebuild;
        if (!rebuild) {
            return;
        }
        const bar = part(node, 'rebuild');
        const progress = bar.querySelector('progress');
        const max = Math.max(1, rebuild.eventsTotal);
        bar.hidden = false;
        progress.max = max;
        progress.value = rebuild.phase === 'COMPLETED' ? max : Math.min(rebuild.eventsDone, max);
        part(node, 'rebuild-status').textContent = rebuildStatus(rebuild);
    }

    /** Finished: no rebuild runs and the last one is the one followed (any, when the page found it running). */
    function finished(view, id) {
        return !view.rebuild && view.lastRebuild && (!id || view.lastRebuild.id === id);
    }

    async function poll(name) {
        if (document.hidden) {
            setTimeout(function () { poll(name); }, POLL_MS);
            return;
        }
        const node = card(name);
        const result = await window.TenancyConsole.api('GET', '/api/v1/admin/projections/' + encodeURIComponent(name));
        if (!result.ok) {
            watched.delete(name);
            replay(node).disabled = false;
            part(node, 'rebuild-status').textContent = 'Progress unavailable: '
                + ((result.data && (result.data.detail || result.data.title)) || 'status ' + result.status) + '.';
            return;
        }
        render(node, result.data);
        if (finished(result.data, watched.get(name))) {
            watched.delete(name);
            replay(node).disabled = false;
            return;
        }
        setTimeout(function () { poll(name); }, POLL_MS);
    }

    function replay(node) {
        return node.querySelector('[data-api-action]');
    }

    function follow(name, rebuildId) {
        const node = card(name);
        const following = watched.has(name);
        watched.set(name, rebuildId || null);
        replay(node).disabled = true;
        if (!following) {
            poll(name);
        }
    }

    document.addEventListener('api:result', function (event) {
        const node = event.target.closest('[data-projection]');
        if (!node) {
            return;
        }
        const result = event.detail;
        if (result.ok) {
            const refusal = node.querySelector(':scope > [data-form-error]');
            if (refusal) {
                refusal.hidden = true;
            }
            part(node, 'rebuild-status').textContent = 'Replay started.';
            follow(node.dataset.projection, result.data && result.data.id);
        } else if (result.data && result.data.code === 'rebuild-running') {
            follow(node.dataset.projection, result.data.rebuildId);
        }
    });

    document.querySelectorAll('[data-projection][data-rebuilding=true]').forEach(function (node) {
        follow(node.dataset.projection, node.dataset.rebuildId);
    });
})();
