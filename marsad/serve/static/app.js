// Marsad map: Leaflet over the admin-1 polygons (no tile server), one circle per geocoded event.
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
  map.attributionControl.addAttribution("Admin-1: OCHA COD-AB, Who's On First");
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

  var markers = L.featureGroup();
  points.forEach(function (p) {
    var r = 5 + Math.min(12, Math.sqrt(p.killed || 0));
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

  fetch(el.getAttribute("data-geo") || "/geo/admin1.geojson")
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      var base = null;
      if (geo) {
        base = L.geoJSON(geo, {
          style: { color: "#7a8591", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
          onEachFeature: function (f, layer) {
            var name = document.createElement("span");
            var props = f.properties || {};
            name.textContent = (lang === "ar" ? props.name_ar : props.name_en) || props.name_en || "";
            layer.bindTooltip(name, { sticky: true });
          }
        }).addTo(map);
        el.setAttribute("data-admin1", String(geo.features ? geo.features.length : 0));
      }
      finish(base);
    })
    .catch(function () { finish(null); });
})();
