"""The transfer tree: item model, filter proxy and view."""
