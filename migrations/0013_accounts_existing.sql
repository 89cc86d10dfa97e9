-- Accounts made before addresses were confirmed keep working: their addresses count as confirmed.
UPDATE `users` SET `email_verified_at` = `created_at` WHERE `email_verified_at` IS NULL;
