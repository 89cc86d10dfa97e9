// The account page (app/routes/account.tsx).
export default {
  title: "Your account",
  metaTitle: "Account",
  profile: {
    heading: "Profile",
    email: "Email: {{email}}",
    save: "Save name",
    saved: "Your name was updated.",
  },
  password: {
    heading: "Change password",
    current: "Current password",
    new: "New password",
    hint: "At least {{min}} characters. Changing it signs you out everywhere else.",
    submit: "Change password",
    changed: "Password changed. Other devices were signed out.",
  },
  language: {
    heading: "Language",
    hint: "The language of the interface. “Browser language” follows your browser’s setting.",
    save: "Save language",
    saved: "Language saved.",
    invalid: "Choose English, Français or the browser language.",
  },
};
