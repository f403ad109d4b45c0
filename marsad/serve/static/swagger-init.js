// Starts Swagger UI on /api/docs from an external file: the service's CSP allows no inline script.
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
