import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { username, anonymous } from "better-auth/plugins";
import prisma from "./prisma.js";

/** @type {import("better-auth").BetterAuthOptions} */
const options = {
  database: prismaAdapter(prisma, { provider: "mongodb" }),
  plugins: [username({ minUsernameLength: 3 }), anonymous()],
};

export const auth = betterAuth(options);
