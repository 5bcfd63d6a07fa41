"""Saved searches and their e-mail alerts: only the missions published since the last one."""
