"""The hub's catalogue: load, validate, enrich and list knowledge products.

Plain Python with no MkDocs import, so that the site engine can change without
touching the rules of the content. `hooks/` adapt it to MkDocs.
"""
