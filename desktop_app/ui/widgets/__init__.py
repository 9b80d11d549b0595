"""Small widgets and behaviours shared by every tab and dialog."""
