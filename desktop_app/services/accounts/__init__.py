"""The operators (操作员) and what each may do (DESIGN.md §5).

- `operators`: logging in and out, slower tries after wrong passwords, the first administrator and the
  administrator's account management.
- `roles`: who is acting, and the one table of roles × permissions every service entry point checks.
"""
