// The product page's gallery. Without JavaScript the thumbnails are links to
// the large images (#image-n), which the browser scrolls into view in the
// scroll-snap strip. With it, a thumbnail shows its image without moving the
// page or adding to the history, and the thumbnail of the image in view is
// marked (aria-current), also when the visitor swipes.
for (const gallery of document.querySelectorAll('[data-gallery]')) {
  const strip = gallery.querySelector('.slides');
  const thumbs = [...gallery.querySelectorAll('.thumbs a')];
  if (!strip || thumbs.length === 0) continue;
  const mark = (id) => {
    for (const a of thumbs) {
      if (a.hash === `#${id}`) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  for (const a of thumbs) {
    a.addEventListener('click', (event) => {
      const slide = document.getElementById(a.hash.slice(1));
      if (!slide) return;
      event.preventDefault();
      slide.scrollIntoView({ block: 'nearest', inline: 'start' });
      mark(slide.id);
    });
  }
  const seen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) mark(entry.target.id);
    },
    { root: strip, threshold: 0.6 },
  );
  for (const slide of strip.querySelectorAll('.slide')) seen.observe(slide);
}
