/* Toggles the main menu on small screens. */
(function () {
  var button = document.querySelector('.menu-toggle');
  var menu = document.getElementById('primary-menu');
  if (!button || !menu) { return; }
  button.addEventListener('click', function () {
    var open = menu.classList.toggle('toggled');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
