// Scenario editor: line numbers beside the YAML, problem lines marked, and each problem link moving the cursor to its
// line and column. Loaded as a file because the Content-Security-Policy allows no inline script.
(function () {
    'use strict';

    function problemLines() {
        var lines = new Set();
        document.querySelectorAll('a.goto-line').forEach(function (link) {
            lines.add(Number(link.dataset.line));
        });
        return lines;
    }

    function fillGutter(gutter, count, bad) {
        gutter.textContent = '';
        for (var i = 1; i <= count; i++) {
            var number = document.createElement('span');
            number.textContent = String(i);
            if (bad.has(i)) {
                number.className = 'bad';
            }
            gutter.appendChild(number);
            gutter.appendChild(document.createTextNode('\n'));
        }
    }

    // The offset in the text of a 1-based line and column (clamped to the line's end).
    function offsetOf(text, line, column) {
        var offset = 0;
        for (var current = 1; current < line; current++) {
            var next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length;
            }
            offset = next + 1;
        }
        var end = text.indexOf('\n', offset);
        if (end < 0) {
            end = text.length;
        }
        return Math.min(offset + Math.max(column, 1) - 1, end);
    }

    function setUpTextarea(editor) {
        var gutter = editor.parentElement.querySelector('.gutter');
        var bad = problemLines();
        var refresh = function () {
            fillGutter(gutter, editor.value.split('\n').length, bad);
            gutter.scrollTop = editor.scrollTop;
        };
        editor.addEventListener('input', refresh);
        editor.addEventListener('scroll', function () { gutter.scrollTop = editor.scrollTop; });
        refresh();

        document.querySelectorAll('a.goto-line').forEach(function (link) {
            link.addEventListener('click', function (event) {
                event.preventDefault();
                var line = Number(link.dataset.line);
                var offset = offsetOf(editor.value, line, Number(link.dataset.column));
                editor.focus();
                editor.setSelectionRange(offset, offset);
                var lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
                editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
                gutter.scrollTop = editor.scrollTop;
                editor.scrollIntoView({ block: 'nearest' });
            });
        });
    }

    // A read-only listing: each line in a span of its own, so a problem link can point at it.
    function setUpListing(listing) {
        var lines = listing.textContent.split('\n');
        if (lines.length > 0 && lines[lines.length - 1] === '') {
            lines.pop();
        }
        var bad = problemLines();
        listing.textContent = '';
        lines.forEach(function (text, index) {
            var line = document.createElement('span');
            line.className = 'line' + (bad.has(index + 1) ? ' bad' : '');
            line.id = 'L' + (index + 1);
            line.dataset.number = String(index + 1);
            line.textContent = text;
            listing.appendChild(line);
            listing.appendChild(document.createTextNode('\n'));
        });
        document.querySelectorAll('a.goto-line').forEach(function (link) {
            link.addEventListener('click', function (event) {
                var target = document.getElementById('L' + link.dataset.line);
                if (!target) {
                    return;
                }
                event.preventDefault();
                listing.querySelectorAll('.current').forEach(function (old) { old.classList.remove('current'); });
                target.classList.add('current');
                target.scrollIntoView({ block: 'center' });
            });
        });
    }

    var editor = document.querySelector('textarea#editor');
    if (editor) {
        setUpTextarea(editor);
    }
    document.querySelectorAll('pre.numbered').forEach(setUpListing);
}());
