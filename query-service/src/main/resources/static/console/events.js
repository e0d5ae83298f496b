/*
 * Event console: the live tail. "Live" opens an EventSource on the superadmin SSE route with the page's filters
 * (same origin, so the session cookie authenticates it) and puts each arriving event on top of the table, built
 * like the server's rows. The stream is closed when Live is turned off or the page is hidden, and reopened from the
 * newest event seen, so nothing is lost in between (rows already shown are skipped by event id).
 */
(function () {
    'use strict';

    const toggle = document.getElementById('live-toggle');
    const rows = document.getElementById('event-rows');
    const status = document.getElementById('live-status');
    if (!toggle || !rows) {
        return;
    }
    let source = null;
    let wanted = false;
    let since = toggle.dataset.since || null;
    let arrived = 0;
    let reopened = 0;

    function say(text) {
        status.textContent = text;
    }

    function simpleName(type) {
        return type ? type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1) : '';
    }

    /** As the server writes it: 2026-01-31 12:00:00.000 UTC. */
    function time(iso) {
        return new Date(iso).toISOString().replace('T', ' ').replace('Z', ' UTC');
    }

    function link(href, text, title, className) {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = text;
        if (title) {
            a.title = title;
        }
        if (className) {
            a.className = className;
        }
        return a;
    }

    function cell() {
        const td = document.createElement('td');
        Array.prototype.slice.call(arguments).filter(Boolean).forEach(function (child) {
            td.append(child, ' ');
        });
        return td;
    }

    function text(tag, content, className) {
        const node = document.createElement(tag);
        node.textContent = content;
        node.className = className || '';
        return node;
    }

    function row(event) {
        const meta = event.metadata || {};
        const enc = encodeURIComponent;
        const tr = document.createElement('tr');
        tr.dataset.eventId = event.eventId;
        tr.dataset.time = event.timestamp;
        tr.className = 'live-new';
        const stamp = text('time', time(event.timestamp));
        stamp.dateTime = event.timestamp;
        const type = link('/dashboard/events/' + enc(event.eventId), simpleName(event.payloadType), event.payloadType);
        type.dataset.testid = 'event-link';
        let impersonated = null;
        if (meta.actingSuperadmin) {
            impersonated = text('span', 'impersonated', 'badge badge-warn');
            impersonated.title = 'Superadmin ' + meta.actingSuperadmin + ' acting as this user';
        }
        tr.append(cell(stamp), cell(type),
            cell(meta.tenantId && link('/dashboard/events?tenantId=' + enc(meta.tenantId), meta.tenantId,
                'Events of tenant ' + meta.tenantId, 'id')),
            cell(event.aggregateId && link('/dashboard/events/aggregates/' + enc(event.aggregateId),
                event.aggregateId, event.aggregateType + ' ' + event.aggregateId + ': timeline', 'id'),
                event.aggregateId && text('span', '#' + event.sequence, 'seq')),
            cell(meta.actorId && link('/dashboard/events?actor=' + enc(meta.actorId), meta.actorId,
                'Events by ' + meta.actorId, 'id'), impersonated),
            cell(meta.correlationId && link('/dashboard/events/correlations/' + enc(meta.correlationId),
                meta.correlationId, 'Trace of ' + meta.correlationId, 'id')));
        return tr;
    }

    function add(event) {
        if (!since || Date.parse(event.timestamp) > Date.parse(since)) {
            since = event.timestamp;
        }
        if (rows.querySelector('tr[data-event-id="' + CSS.escape(event.eventId) + '"]')) {
            return;
        }
        const empty = rows.querySelector('[data-empty]');
        if (empty) {
            empty.remove();
        }
        rows.prepend(row(event));
        arrived++;
        say('Live: ' + arrived + (arrived === 1 ? ' new event' : ' new events') + ' added on top.');
    }

    function open() {
        if (source) {
            return;
        }
        const url = new URL(toggle.dataset.stream, location.origin);
        if (since) {
            url.searchParams.set('from', since);
        }
        source = new EventSource(url.pathname + url.search);
        source.addEventListener('open', function () {
            reopened = 0;
            if (!arrived) {
                say('Live: waiting for new events…');
            }
        });
        source.addEventListener('event', function (message) {
            add(JSON.parse(message.data));
        });
        source.addEventListener('error', function () {
            if (source && source.readyState === EventSource.CLOSED) {
                refused();
            } else {
                say('Live: connection lost, reconnecting…');
            }
        });
    }

    function close() {
        if (source) {
            source.close();
            source = null;
        }
    }

    /**
     * The server refused the stream (an expired session, too many open streams): a plain API call renews the
     * session if it can (or goes to sign-in), then the stream is tried again, twice at most.
     */
    async function refused() {
        close();
        if (reopened >= 2) {
            setWanted(false);
            say('Live stopped: the server refused the stream. Try again in a moment.');
            return;
        }
        reopened++;
        const check = await window.TenancyConsole.api('GET', '/api/v1/admin/events?size=1');
        if (check.ok && wanted) {
            open();
        } else if (!check.ok) {
            setWanted(false);
            say('Live stopped: ' + ((check.data && (check.data.detail || check.data.title))
                || 'status ' + check.status) + '.');
        }
    }

    function setWanted(on) {
        wanted = on;
        toggle.setAttribute('aria-pressed', String(on));
    }

    toggle.addEventListener('click', function () {
        setWanted(!wanted);
        if (wanted) {
            arrived = 0;
            say('Live: connecting…');
            open();
        } else {
            close();
            say('Live off.');
        }
    });

    document.addEventListener('visibilitychange', function () {
        if (document.hidden) {
            close();
        } else if (wanted) {
            open();
        }
    });
    window.addEventListener('pagehide', close);
    window.addEventListener('pageshow', function (event) {
        if (event.persisted && wanted) {
            open();
        }
    });
})();
