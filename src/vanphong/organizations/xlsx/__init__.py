"""XLSX template, import and export of organizations and members."""
