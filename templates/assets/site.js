// Progressive enhancement: the page works without this script.
// 1. "复制链接" links copy the absolute address of their section or paragraph (the link still moves to it).
// 2. The access-date placeholder in citations becomes today's date.
(function () {
  var placeholder = '引用日期'
  var today = new Date()
  var iso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0')
  document.querySelectorAll('[data-cite]').forEach(function (element) {
    element.textContent = element.textContent.split(placeholder).join(iso)
  })
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a.copy-link') : null
    if (!link || !navigator.clipboard) return
    var url = new URL(link.getAttribute('href'), location.href).href
    navigator.clipboard.writeText(url).then(function () {
      var previous = link.textContent
      link.setAttribute('data-copied', '')
      link.textContent = '已复制'
      setTimeout(function () {
        link.textContent = previous
        link.removeAttribute('data-copied')
      }, 1500)
    }, function () {})
  })
})()
