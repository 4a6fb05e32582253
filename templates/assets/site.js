// Progressive enhancement: the page works without this script.
// 1. "复制链接" links copy the absolute address of their section or paragraph (the link still moves to it).
// 2. Citations gain today's date as the access date (without the script they simply have none).
// 3. "复制" buttons beside each citation format and sidecar snippet appear and copy it.
(function () {
  var token = '\u2063ACCESSED\u2063'
  var today = new Date()
  var iso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0')
  // Each citation says where its date goes: `data-cite-access` (the date's token in its format's words) at offset `data-cite-at`.
  document.querySelectorAll('[data-cite-at]').forEach(function (element) {
    var text = element.textContent
    var at = Number(element.getAttribute('data-cite-at'))
    element.textContent = text.slice(0, at) + element.getAttribute('data-cite-access').split(token).join(iso) + text.slice(at)
  })
  if (navigator.clipboard) {
    document.querySelectorAll('button.copy-cite').forEach(function (button) {
      button.hidden = false
    })
  }
  function flash(element, text) {
    var previous = element.textContent
    element.setAttribute('data-copied', '')
    element.textContent = text
    setTimeout(function () {
      element.textContent = previous
      element.removeAttribute('data-copied')
    }, 1500)
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null
    if (!target || !navigator.clipboard) return
    var button = target.closest('button.copy-cite')
    if (button) {
      // The code block of the same format: next to the heading on report pages, in the next <dd> in section panels.
      var holder = button.closest('.cite-format, dt, .snippet')
      var scope = holder && holder.tagName === 'DT' ? holder.nextElementSibling : holder
      var code = scope && scope.querySelector('[data-cite], [data-copy-source]')
      if (!code) return
      navigator.clipboard.writeText(code.textContent).then(function () { flash(button, '已复制') }, function () {})
      return
    }
    var link = target.closest('a.copy-link')
    if (!link) return
    var url = new URL(link.getAttribute('href'), location.href).href
    navigator.clipboard.writeText(url).then(function () { flash(link, '已复制') }, function () {})
  })
})()
