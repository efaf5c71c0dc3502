// Points Swagger UI at this node's OpenAPI document. A file of its own rather than an inline script:
// the page is served under the app's Content-Security-Policy, whose script-src is 'self' only.
window.ui = window.SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // No validator badge: it would send this document's address to validator.swagger.io.
  validatorUrl: null,
  // x-problem-codes and x-websocket are part of the contract, so they are shown.
  showExtensions: true,
  defaultModelsExpandDepth: 0,
});
