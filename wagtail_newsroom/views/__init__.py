"""Admin views: the import view and the people listing."""
