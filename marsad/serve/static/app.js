// Marsad map: Leaflet over a world base layer (Natural Earth countries) and the admin-1 polygons
// (no tile server), one circle per geocoded event: colour = event type, size = people killed.
// Event data arrives as JSON in <script type="application/json" id="map-points">; every string is
// set with textContent, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("map-points");
  if (!el || !dataEl || !window.L) { return; }
  var points = JSON.parse(dataEl.textContent || "[]");
  var lang = document.documentElement.lang || "en";
  // No animations: the map is ready (data-ready) exactly when it is drawn, for screenshots and tests.
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true, zoomAnimation: false, fadeAnimation: false,
                        markerZoomAnimation: false });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Countries: Natural Earth; admin-1: OCHA COD-AB, Who's On First");
  map.setView([34.5, 41], 5, { animate: false });
  var colors = { "Battles": "#b2182b", "Explosions/Remote violence": "#e08214", "Violence against civilians": "#762a83",
                 "Protests": "#2166ac", "Riots": "#35978f", "Strategic developments": "#1b7837" };

  function popup(p) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(p.id) + "?lang=" + encodeURIComponent(lang);
    a.textContent = (p.date || "?") + " · " + (p.type_label || p.type || "");
    box.appendChild(a);
    var place = document.createElement("div");
    place.textContent = (p.place || "") + (p.killed ? " · " + p.killed + " " + (el.getAttribute("data-killed-word") || "killed") : "");
    box.appendChild(place);
    return box;
  }

  function radius(killed) { return 5 + Math.min(12, Math.sqrt(killed || 0)); }

  // Legend: one swatch per event type on the map, and circles for 0, 10 and 100 killed.
  function legend() {
    var box = L.DomUtil.create("div", "map-legend");
    var labels = {};
    points.forEach(function (p) { if (p.type) { labels[p.type] = p.type_label || p.type; } });
    Object.keys(colors).forEach(function (t) {
      if (!labels[t]) { return; }
      var row = L.DomUtil.create("div", "row", box);
      var sw = L.DomUtil.create("span", "dot", row);
      sw.style.background = colors[t];
      row.appendChild(document.createTextNode(labels[t]));
    });
    var sizes = L.DomUtil.create("div", "row sizes", box);
    [0, 10, 100].forEach(function (k) {
      var d = L.DomUtil.create("span", "dot", sizes);
      var r = radius(k);
      d.style.width = d.style.height = (2 * r) + "px";
      sizes.appendChild(document.createTextNode(k + " "));
    });
    sizes.appendChild(document.createTextNode(el.getAttribute("data-killed-word") || "killed"));
    return box;
  }
  if (points.length) {
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = legend;
    ctl.addTo(map);
  }

  var markers = L.featureGroup();
  points.forEach(function (p) {
    var r = radius(p.killed);
    var m = L.circleMarker([p.lat, p.lon], { radius: r, color: "#222", weight: 1,
      fillColor: colors[p.type] || "#555", fillOpacity: 0.8 });
    m.bindPopup(popup(p));
    m.addTo(markers);
  });

  function finish(base) {
    markers.addTo(map);
    if (points.length) {
      map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: points.length === 1 ? 8 : 9, animate: false });
    } else if (base) {
      map.fitBounds(base.getBounds(), { animate: false });
    }
    el.setAttribute("data-ready", "1");
    el.setAttribute("data-markers", String(points.length));
  }

  function getJSON(url) {
    return fetch(url).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
  }

  Promise.all([getJSON(el.getAttribute("data-world") || "/static/world.geojson"),
               getJSON(el.getAttribute("data-geo") || "/geo/admin1.geojson")])
    .then(function (geo) {
      var world = geo[0], admin1 = geo[1], base = null;
      if (world) {
        base = L.geoJSON(world, {
          style: { color: "#9aa4ad", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
          onEachFeature: function (f, layer) {
            var name = document.createElement("span");
            name.textContent = (f.properties || {}).name || "";
            layer.bindTooltip(name, { sticky: true });
          }
        }).addTo(map);
        el.setAttribute("data-countries", String(world.features ? world.features.length : 0));
      }
      if (admin1) {
        var provinces = L.geoJSON(admin1, {
          style: { color: "#7a8591", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: world ? 0 : 1 },
          onEachFeature: function (f, layer) {
            var name = document.createElement("span");
            var props = f.properties || {};
            name.textContent = (lang === "ar" ? props.name_ar : props.name_en) || props.name_en || "";
            layer.bindTooltip(name, { sticky: true });
          }
        }).addTo(map);
        base = base || provinces;
        el.setAttribute("data-admin1", String(admin1.features ? admin1.features.length : 0));
      }
      finish(base);
    });
})();
