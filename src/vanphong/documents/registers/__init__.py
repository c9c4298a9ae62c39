"""Registers (sổ đăng ký văn bản đến / đi), the seal-use log and the deadline dashboard.

`build` turns what the user may see (always through `core.access.visible`) into a `Register`
(title, organization, period, columns, rows); `xlsx` and `pdf` write a Register out; the pages
show the same rows. The register's own wording (title, column headings) is the Vietnamese of the
office's paper register, fixed like "ĐẢNG CỘNG SẢN VIỆT NAM" on a document, not UI text.
"""
