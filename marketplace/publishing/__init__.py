"""What Tremplin publishes for other machines: the API Engagement feed, the sitemap, structured data."""
