// On the language picker at /, go to the visitor's language when the
// browser names one the site publishes. Without JavaScript the picker's
// links do the same job.
(function () {
  var list = document.querySelector('[data-locales]');
  if (!list || sessionStorage.getItem('klaster-picked')) return;
  var available = JSON.parse(list.getAttribute('data-locales'));
  var wanted = navigator.languages || [navigator.language];
  for (var i = 0; i < wanted.length; i++) {
    var tag = String(wanted[i]).toLowerCase();
    for (var j = 0; j < available.length; j++) {
      var l = available[j];
      if (tag === l.lang.toLowerCase() || tag.split('-')[0] === l.code.split('-')[0]) {
        sessionStorage.setItem('klaster-picked', '1');
        location.replace(l.href);
        return;
      }
    }
  }
})();
