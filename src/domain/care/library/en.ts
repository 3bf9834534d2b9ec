// English message library: how a personal stylist writes to a regular — first name, warm, short,
// never a sales pitch. Holiday wishes mention nothing happening in store; season notes mention no new
// pieces; "miss you" notes never ask what happened.
import type { LibraryEntry } from './types';

export const EN: LibraryEntry[] = [
  // ---- birthday ----
  {
    slug: 'warm',
    category: 'birthday',
    title: 'Birthday (warm)',
    body: 'Happy birthday, {name}! Wishing you a year full of good health, happiness and everything you hope for. Warmest wishes, {guide} at {store}',
  },
  {
    slug: 'wishes',
    category: 'birthday',
    title: 'Birthday (wishes)',
    body: 'Dear {name}, today is your day! I hope it is filled with the people you love and that every wish comes true this year. Thank you for all your kindness to us. {guide}, {store}',
  },
  {
    slug: 'short',
    category: 'birthday',
    title: 'Birthday (short)',
    body: 'Happy birthday, {name}! Take some time to treat yourself today. With love from all of us at {store}. {guide}',
  },
  {
    slug: 'benefit',
    category: 'birthday',
    title: 'Birthday (with the birthday-month benefit)',
    allowsBenefit: true,
    body: 'Happy birthday, {name}! We have a little birthday treat for you ({benefit}), and it would be lovely to celebrate with you in person whenever you are passing by this month. Have a wonderful year! {guide}, {store}',
  },
  {
    slug: 'call',
    category: 'birthday',
    format: 'script',
    title: 'Birthday call',
    body: 'Hello {name}, it’s {guide} from {store}. I just wanted to call and wish you a very happy birthday! I hope the year ahead is a wonderful one. I won’t keep you — enjoy your day.',
  },

  // ---- holidays ----
  {
    slug: 'new_year',
    category: 'holiday',
    holidayId: 'new_year',
    title: 'New Year’s Day',
    body: 'Happy New Year, {name}! Thank you for being with us this past year. Wishing you and your family good health and happiness in the year ahead. {guide}, {store}',
  },
  {
    slug: 'shogatsu',
    category: 'holiday',
    holidayId: 'shogatsu',
    title: 'New Year (Japan)',
    body: 'Happy New Year, {name}. Thank you so much for your kindness last year. Wishing you a healthy and joyful year, and please keep warm in the cold days ahead. {guide}, {store}',
  },
  {
    slug: 'spring_festival',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: 'Lunar New Year',
    body: 'Happy Lunar New Year, {name}! Wishing you and your family good health, happiness and every blessing in the year ahead. Thank you for another wonderful year together. {guide}, {store}',
  },
  {
    slug: 'womens_day',
    category: 'holiday',
    holidayId: 'womens_day',
    title: 'International Women’s Day',
    body: 'Happy International Women’s Day, {name}! Here’s to you — may you always feel free, confident and cared for. {guide}, {store}',
  },
  {
    slug: 'mothers_day',
    category: 'holiday',
    holidayId: 'mothers_day',
    title: 'Mother’s Day',
    body: 'Happy Mother’s Day, {name}! Thank you for all you do for your family. Today, please take a moment just for yourself. {guide}, {store}',
  },
  {
    slug: 'fathers_day',
    category: 'holiday',
    holidayId: 'fathers_day',
    title: 'Father’s Day',
    body: 'Happy Father’s Day, {name}! Thank you for everything you do for your family — I hope you get to put your feet up today. {guide}, {store}',
  },
  {
    slug: 'dragon_boat',
    category: 'holiday',
    holidayId: 'dragon_boat',
    title: 'Dragon Boat Festival',
    body: 'Wishing you a peaceful and healthy Dragon Boat Festival, {name}. The days are getting hot, so remember to drink plenty of water. {guide}, {store}',
  },
  {
    slug: 'mid_autumn',
    category: 'holiday',
    holidayId: 'mid_autumn',
    title: 'Mid-Autumn Festival',
    body: 'Happy Mid-Autumn Festival, {name}! May the full moon bring you and your family togetherness, health and joy. {guide}, {store}',
  },
  {
    slug: 'teachers_day',
    category: 'holiday',
    holidayId: 'teachers_day',
    title: 'Teachers’ Day',
    body: 'Happy Teachers’ Day, {name}! Thank you for everything you give your students. I hope you get a little time to rest today. {guide}, {store}',
  },
  {
    slug: 'double_ninth',
    category: 'holiday',
    holidayId: 'double_ninth',
    title: 'Double Ninth Festival',
    body: 'Wishing you good health and a peaceful Double Ninth Festival, {name}. The evenings are getting cooler, so do keep warm. {guide}, {store}',
  },
  {
    slug: 'keiro_no_hi',
    category: 'holiday',
    holidayId: 'keiro_no_hi',
    title: 'Respect for the Aged Day',
    body: 'Dear {name}, thank you for your kindness to us over the years. On this Respect for the Aged Day, we send our warmest wishes for your continued good health. {guide}, {store}',
  },
  {
    slug: 'seijin_no_hi',
    category: 'holiday',
    holidayId: 'seijin_no_hi',
    title: 'Coming of Age Day',
    body: 'Congratulations on coming of age, {name}! Everyone at {store} wishes you a bright and happy start to this new chapter. {guide}',
  },
  {
    slug: 'winter_solstice',
    category: 'holiday',
    holidayId: 'winter_solstice',
    title: 'Winter Solstice',
    body: 'Happy Winter Solstice, {name}! I hope you have a warm dinner with your family tonight. Stay cosy as the weather turns cold. {guide}, {store}',
  },
  {
    slug: 'christmas',
    category: 'holiday',
    holidayId: 'christmas',
    title: 'Christmas',
    body: 'Merry Christmas, {name}! Wishing you and your loved ones a warm and peaceful holiday. {guide}, {store}',
  },
  {
    slug: 'year_end',
    category: 'holiday',
    holidayId: 'year_end',
    title: 'Year’s end',
    body: 'Dear {name}, thank you for all your kindness this year. Please take good care of yourself in the cold weather, and I wish you a very happy New Year. {guide}, {store}',
  },
  {
    slug: 'any',
    category: 'holiday',
    title: 'Holiday wishes (any holiday)',
    body: 'Dear {name}, warmest wishes to you and your family for {holiday}. Wishing you good health and happiness. {guide}, {store}',
  },

  // ---- season change ----
  {
    slug: 'li_chun',
    category: 'season_change',
    termId: 'li_chun',
    title: 'Start of Spring',
    body: 'Hi {name}, spring is officially on its way, but the mornings and evenings are still chilly — do take a jacket when you go out. {guide}, {store}',
  },
  {
    slug: 'li_xia',
    category: 'season_change',
    termId: 'li_xia',
    title: 'Start of Summer',
    body: 'Hi {name}, summer is arriving! Remember your sunscreen, drink plenty of water, and keep a light layer with you for chilly air-conditioned rooms. {guide}, {store}',
  },
  {
    slug: 'li_qiu',
    category: 'season_change',
    termId: 'li_qiu',
    title: 'Start of Autumn',
    body: 'Hi {name}, autumn is here on the calendar, even if the days are still warm. The evenings are getting cooler, so take care not to catch a chill. {guide}, {store}',
  },
  {
    slug: 'li_dong',
    category: 'season_change',
    termId: 'li_dong',
    title: 'Start of Winter',
    body: 'Hi {name}, winter is setting in and it’s getting colder by the day. Wrap up warm, and treat yourself to something hot to drink. {guide}, {store}',
  },
  {
    slug: 'any',
    category: 'season_change',
    title: 'Change of season (any)',
    body: 'Hi {name}, the seasons are changing and the temperature is up and down. Take care to dress for the weather and get plenty of rest. {guide}, {store}',
  },
  {
    slug: 'rest',
    category: 'season_change',
    title: 'Change of season (rest)',
    body: 'Hi {name}, the change of season can be tiring, so please look after yourself — regular meals and early nights. Thinking of you! {guide}',
  },

  // ---- miss you ----
  {
    slug: 'miss',
    category: 'miss_you',
    title: 'Missing you',
    body: 'Hi {name}, it’s been a while and we miss you here at {store}! I hope you’re taking good care of yourself and finding time to rest. {guide}',
  },
  {
    slug: 'thinking',
    category: 'miss_you',
    title: 'Thinking of you',
    body: 'Hi {name}, I was tidying the rails today and thought of you — you looked so lovely the last time you were in. Wishing you all the best, and do take time to rest. {guide}, {store}',
  },
  {
    slug: 'short',
    category: 'miss_you',
    title: 'Thinking of you (short)',
    body: 'Hi {name}, just a note to say we’re thinking of you. Take care of yourself! {guide}',
  },
  {
    slug: 'call',
    category: 'miss_you',
    format: 'script',
    title: 'Keeping-in-touch call',
    body: 'Hello {name}, it’s {guide} from {store}. We haven’t seen you for a little while and I just wanted to say hello. The weather is changing, so do take care. I won’t keep you — whenever you’re passing, it would be lovely to see you.',
  },

  // ---- thank you ----
  {
    slug: 'letter',
    category: 'thank_you',
    title: 'Thank-you letter',
    subject: 'Thank you, with love from {store}',
    body: 'Dear {name},\nThank you for your trust in {brand} all this time. Helping you choose your clothes and hearing your news is one of the best parts of our work. We look forward to looking after you for many years to come.\nWith warm regards,\n{guide}, {store}',
  },
  {
    slug: 'message',
    category: 'thank_you',
    title: 'Thank-you message',
    body: 'Dear {name}, thank you for your loyalty to {brand} and to all of us at {store}. We feel lucky to have friends like you. {guide}',
  },
  {
    slug: 'tier',
    category: 'thank_you',
    title: 'Thank-you (member)',
    body: 'Dear {name}, as one of our {tier}s you make every day in the shop a little warmer. Thank you for your trust — we will keep taking good care of you. {guide}, {store}',
  },
  {
    slug: 'call',
    category: 'thank_you',
    format: 'script',
    title: 'Thank-you call',
    body: 'Hello {name}, it’s {guide} from {store}. Nothing in particular — I just wanted to say thank you for your support all this time. If you ever have thoughts or suggestions for us, I’d love to hear them.',
  },

  // ---- after purchase ----
  {
    slug: 'call',
    category: 'after_purchase',
    format: 'script',
    title: 'After-purchase call (fit and washing)',
    body: 'Hello {name}, it’s {guide} from {store} — sorry to disturb you. I wanted to check how your clothes from last week are fitting and whether they feel comfortable. Do you have any questions about washing or care? (If you can’t answer on the spot, agree on a time and call her back with the answer.)',
  },
  {
    slug: 'call_item',
    category: 'after_purchase',
    format: 'script',
    title: 'After-purchase call (naming the piece)',
    body: 'Hello {name}, it’s {guide} from {store}. How are you finding the {item} — are you happy with the fit and the fabric? Before the first wash, do check the care label, and if anything is unclear just ask me.',
  },
  {
    slug: 'message',
    category: 'after_purchase',
    title: 'After-purchase message',
    body: 'Hi {name}, it’s {guide} from {store}. I hope your new clothes are feeling comfortable! If you have any questions about washing or care, just message me any time.',
  },
  {
    slug: 'message_item',
    category: 'after_purchase',
    title: 'After-purchase message (naming the piece)',
    body: 'Hi {name}, how is the {item} fitting? Before washing it for the first time, have a look at the care label — and ask me if anything is unclear. {guide}, {store}',
  },

  // ---- referral thanks ----
  {
    slug: 'thanks',
    category: 'referral_thanks',
    title: 'Thanks for the referral',
    body: 'Dear {name}, thank you so much for introducing your friend to us! We truly value your trust and will take good care of her. Thank you for your love of {brand} and your support of {store}. {guide}',
  },
  {
    slug: 'warm',
    category: 'referral_thanks',
    title: 'Thanks for the referral (warm)',
    body: 'Hi {name}, your friend came in today and we had such a lovely chat about you! Thank you for thinking of us — we’re lucky to have you. {guide}, {store}',
  },
  {
    slug: 'short',
    category: 'referral_thanks',
    title: 'Thanks for the referral (short)',
    body: 'Hi {name}, thank you for recommending us — we’ll look after your friend wonderfully. {guide}',
  },

  // ---- referral welcome ----
  {
    slug: 'welcome',
    category: 'referral_welcome',
    title: 'Welcome',
    body: 'Hi {name}, it’s {guide} from {store}. Thank you for coming in today and for choosing {brand}. If anything doesn’t fit quite right, or you have questions about washing and care, just get in touch.',
  },
  {
    slug: 'welcome_item',
    category: 'referral_welcome',
    title: 'Welcome (naming the piece)',
    body: 'Hi {name}, it was lovely to meet you today. The {item} looked wonderful on you! If anything about the fit bothers you, just let me know. {guide}, {store}',
  },
  {
    slug: 'friend',
    category: 'referral_welcome',
    title: 'Welcome (friend of a regular)',
    body: 'Hi {name}, thank you for coming in! Any friend of our regulars is a friend of ours — if you ever have questions about styling or care, I’m here. {guide}, {store}',
  },

  // ---- top spender visit ----
  {
    slug: 'arrange',
    category: 'top_spender_visit',
    title: 'Arranging the visit',
    body: 'Dear {name}, this is {guide} from {brand}. Thank you for your wonderful support this year. I would love to thank you in person and hear your thoughts on how we can do better. Would there be a convenient day for me to visit?',
  },
  {
    slug: 'visit',
    category: 'top_spender_visit',
    format: 'script',
    title: 'Visit (flowers, thanks, her advice)',
    body: '(Bring flowers.) {name}, thank you for making time for us. I’m {guide} from {brand}. We wanted to thank you personally for your support this year. We would really value your honest advice — about the clothes, the service, the shop, anything at all.',
  },
  {
    slug: 'questions',
    category: 'top_spender_visit',
    format: 'script',
    title: 'Questions to ask on the visit',
    body: '{name}, may I ask you a few things? What did you enjoy most with us this year? Was anything inconvenient? What would you like us to do more of for you? (Write down her words; the region follows up on store matters, head office customer service on brand matters.)',
  },

  // ---- key customer visit plan ----
  {
    slug: 'arrange',
    category: 'vip_visit',
    title: 'Arranging a visit',
    body: 'Dear {name}, this is {guide} from {store}. It’s been a while since we had a proper chat — could I come and see you at a time that suits you? I’d love to hear how you’re finding your wardrobe.',
  },
  {
    slug: 'visit',
    category: 'vip_visit',
    format: 'script',
    title: 'Visit',
    body: '(Bring a small keepsake.) {name}, thank you for seeing us. How have the clothes you chose been wearing? Is there anything about our service you’d like us to change? We’d really like to hear.',
  },
  {
    slug: 'call',
    category: 'vip_visit',
    format: 'script',
    title: 'Keeping-in-touch call',
    body: 'Hello {name}, it’s {guide} from {store}, just calling to say hello. Is there anything I can help with for your wardrobe? Any questions on caring for your pieces, or thoughts for us?',
  },

  // ---- win back ----
  {
    slug: 'message',
    category: 'win_back',
    title: 'Win-back (from her guide)',
    body: 'Dear {name}, it’s been a long time, and I still think of you often. You are a dear friend of {store}, and we are always here. Please take good care of yourself. {guide}',
  },
  {
    slug: 'manager',
    category: 'win_back',
    title: 'Win-back (from the store manager)',
    body: 'Dear {name}, I’m {guide}, the manager of {store}. Thank you for all your kindness to us over the years — we miss you. We always want to do better, and if you have any thoughts or suggestions, I would be very glad to hear them.',
  },
  {
    slug: 'call',
    category: 'win_back',
    format: 'script',
    title: 'Win-back call',
    body: 'Hello {name}, it’s {guide} from {store}. We haven’t seen you in a long while and I just wanted to say hello. We’re always trying to do better, so if you ever have any thoughts for us, I’d love to hear them. I won’t keep you — take care.',
  },
];
