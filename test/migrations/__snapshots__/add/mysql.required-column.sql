-- Better Auth Doctor: add "nickname" to "user", which Better Auth needs and the database lacks.
-- Written for provider "mysql" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.
-- Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).

-- Stop before any change if "user" has rows: there is no honest value for "nickname" in them. To keep the rows, remove this guard and add UPDATE `user` SET `nickname` = <value> WHERE `nickname` IS NULL; right after the ADD COLUMN statements.
CREATE TEMPORARY TABLE `better_auth_doctor_guard` (`rows` INTEGER, CONSTRAINT `fill_nickname_in_user_first` CHECK (`rows` = 0));
INSERT INTO `better_auth_doctor_guard` SELECT COUNT(*) FROM `user`;
DROP TEMPORARY TABLE `better_auth_doctor_guard`;

-- Add "nickname" without NOT NULL first: existing rows have no value for it yet.
ALTER TABLE `user` ADD COLUMN `nickname` VARCHAR(191) NULL;

-- Every row has a value now; make "nickname" required, as the field is in the schema.
ALTER TABLE `user` MODIFY `nickname` VARCHAR(191) NOT NULL;
