"""The service: REST API and web interface."""
