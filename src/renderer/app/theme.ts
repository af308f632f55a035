import { createTheme } from '@mantine/core';

/** The system font stack: nothing is fetched from the network. */
const SYSTEM_FONTS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: SYSTEM_FONTS,
  headings: { fontFamily: SYSTEM_FONTS },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md', p: 'lg' } },
    // Required fields are marked by styles.css, outside the label's text: the label stays
    // exactly what people read (« Nom », not « Nom * ») for assistive tools and tests.
    InputWrapper: { defaultProps: { withAsterisk: false } },
    // A closed list is not kept in the page: otherwise each hidden list shares its field's
    // label, and « the field labelled Métier » would mean two elements.
    Combobox: { defaultProps: { keepMounted: false } },
    Tooltip: { defaultProps: { openDelay: 400 } },
  },
});
