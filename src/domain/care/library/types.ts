import type { HolidayId, MessageCategory, SolarTermId, TemplateFormat } from '../../../contracts/care';

/** A default template as written in a library file; the locale and id come from the file. */
export type LibraryEntry = {
  slug: string;
  category: MessageCategory;
  format?: TemplateFormat;
  title: string;
  subject?: string;
  body: string;
  allowsBenefit?: boolean;
  holidayId?: HolidayId;
  termId?: SolarTermId;
};
