// Campaign page, live: every few seconds reads /api/campaigns/{id}/status and updates the counts, the agents and each
// call's state in place. Stops polling once the campaign has finished. A file because the CSP allows no inline script.
(function () {
    'use strict';
    var section = document.getElementById('campaign-status');
    if (!section) {
        return;
    }
    var url = section.dataset.statusUrl;
    var intervalMs = 3000;

    function set(element, text) {
        if (element && element.textContent !== text) {
            element.textContent = text;
        }
    }

    function apply(status) {
        var campaign = status.campaign;
        Object.keys(campaign.byState).forEach(function (state) {
            set(section.querySelector('.state-cards [data-state="' + state + '"]'), String(campaign.byState[state]));
        });
        set(document.getElementById('campaign-state'), campaign.cancelled ? 'cancelled' : campaign.finished ? 'finished' : 'running');
        set(document.getElementById('as-of'), status.asOf.substring(11, 19) + ' UTC');
        status.agents.forEach(function (agent) {
            var row = section.querySelector('tr[data-agent="' + CSS.escape(agent.agentId) + '"]');
            if (row) {
                set(row.querySelector('[data-field="completed"]'), String(agent.completedThisWeek));
                set(row.querySelector('[data-field="reached"]'), agent.reachNote);
            }
        });
        set(document.getElementById('unidentified'), status.unidentifiedCallsThisWeek.length === 0
            ? 'none'
            : status.unidentifiedCallsThisWeek.map(function (line) { return line.text; }).join('; '));
        set(document.getElementById('not-tested'), status.agentsNotTested.length === 0 ? 'none' : status.agentsNotTested.join(', '));
        status.byPeriod.forEach(function (period) {
            var row = section.querySelector('tr[data-period="' + CSS.escape(period.site + '/' + period.period) + '"]');
            if (row) {
                Object.keys(period.byState).forEach(function (state) {
                    set(row.querySelector('[data-state="' + state + '"]'), String(period.byState[state]));
                });
            }
        });
        status.calls.forEach(function (call) {
            var row = section.querySelector('tr[data-call="' + CSS.escape(call.callId) + '"]');
            if (!row) {
                return;
            }
            var state = row.querySelector('[data-field="state"]');
            set(state, call.state);
            state.className = 'state-' + call.state;
            set(row.querySelector('[data-field="attempts"]'), String(call.attempts));
            set(row.querySelector('[data-field="agent"]'), call.agent || '');
            set(row.querySelector('[data-field="score"]'), call.score === null || call.score === undefined ? '' : call.score.toFixed(1));
            set(row.querySelector('[data-field="reason"]'), call.reason || '');
        });
        return campaign.finished;
    }

    function poll() {
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('status ' + response.status);
                }
                return response.json();
            })
            .then(function (status) {
                if (!apply(status)) {
                    setTimeout(poll, intervalMs);
                }
            })
            .catch(function () {
                // A host restarting or a session ended: try again later, a little slower.
                setTimeout(poll, intervalMs * 3);
            });
    }

    setTimeout(poll, intervalMs);
}());
