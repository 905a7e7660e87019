/**
 * Colours. Series colours are the Okabe-Ito palette, designed to stay distinguishable with the common
 * colour-vision deficiencies; good/bad news uses its bluish green and vermillion, which stay apart
 * for red-green colour blindness too, and labels always carry the sign as well.
 */
export const SERIES = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"] as const;

export const COLORS = {
  primary: "#0072B2",
  secondary: "#E69F00",
  good: "#009E73",
  bad: "#D55E00",
  /** Changes in metrics where up is neither good nor bad (spend). */
  neutral: "#56B4E9",
  /** The "Other" bucket and comparison periods: present but in the background. */
  muted: "#A7B0BA",
  anomaly: "#D55E00",
  text: "#1F2328",
  secondaryText: "#59636E",
  faintText: "#818B98",
  grid: "#E6EAEF",
  axis: "#9AA4AF",
  background: "#FFFFFF",
} as const;
