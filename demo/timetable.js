// ?src=URL shows another programme in the timetable (the demo's own by default).
const src = new URLSearchParams(location.search).get('src');
if (src) document.getElementById('grid').setAttribute('src', src);
