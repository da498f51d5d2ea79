"""newsbot: industry news, AI partnerships first, in Slack."""
