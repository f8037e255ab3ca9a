(function () {
  var f = document.getElementById("filters"), s = document.getElementById("one-article");
  var p = document.getElementById("only-problems"), docs = document.querySelectorAll("article.doc");
  docs.forEach(function (a) {
    var o = document.createElement("option");
    o.value = a.id; o.textContent = a.querySelector("h3").textContent; s.appendChild(o);
  });
  p.addEventListener("change", function () { document.body.classList.toggle("only-problems", p.checked); });
  s.addEventListener("change", function () {
    docs.forEach(function (a) { a.hidden = s.value !== "" && a.id !== s.value; });
  });
  window.addEventListener("hashchange", function () {
    var t = document.getElementById(location.hash.slice(1)), a = t && t.closest("article.doc");
    if (a && a.hidden) { s.value = ""; docs.forEach(function (d) { d.hidden = false; }); t.scrollIntoView(); }
  });
  f.hidden = false;
})();
