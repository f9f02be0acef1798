// The call page: an item's time button plays the recording from that item's evidence. The button's data-at already
// holds the recording time (evidence time from the answer plus the recording's offset before the answer).
(function () {
    'use strict';
    var audio = document.getElementById('recording');
    if (!audio) {
        return;
    }
    document.querySelectorAll('button.jump').forEach(function (button) {
        button.addEventListener('click', function () {
            var at = parseFloat(button.getAttribute('data-at'));
            if (isNaN(at)) {
                return;
            }
            audio.currentTime = at;
            var playing = audio.play();
            if (playing && playing.catch) {
                playing.catch(function () { /* the browser may refuse to play without a gesture; the position is set */ });
            }
        });
    });
})();
