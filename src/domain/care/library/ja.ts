// 日本語の文例集：担当スタッフから常連のお客様へ。です・ます調で、季節のご挨拶を添えて、押しつけず。
// 祝日のご挨拶に店舗の催しは書かず、季節のご挨拶に新作の話は入れず、ご無沙汰のご連絡で理由は尋ねません。
import type { LibraryEntry } from './types';

export const JA: LibraryEntry[] = [
  // ---- お誕生日 ----
  {
    slug: 'warm',
    category: 'birthday',
    title: 'お誕生日（基本）',
    body: '{name}、お誕生日おめでとうございます。笑顔あふれる素敵な一年となりますよう、スタッフ一同心よりお祈りしております。{store} {guide}',
  },
  {
    slug: 'formal',
    category: 'birthday',
    title: 'お誕生日（丁寧）',
    body: '{name}、本日はお誕生日と伺い、心よりお祝い申し上げます。新しい一年が健やかで実り多きものとなりますように。これからもどうぞよろしくお願いいたします。{store} {guide}',
  },
  {
    slug: 'short',
    category: 'birthday',
    title: 'お誕生日（短め）',
    body: '{name}、お誕生日おめでとうございます。今日はどうぞご自身をたっぷり労わって、素敵な一日をお過ごしください。{guide}',
  },
  {
    slug: 'benefit',
    category: 'birthday',
    title: 'お誕生日（お誕生月のご用意あり）',
    allowsBenefit: true,
    body: '{name}、お誕生日おめでとうございます。ささやかですが、お誕生月のお祝いをご用意しております（{benefit}）。お近くにお越しの際は、どうぞお気軽にお立ち寄りください。素敵な一年になりますように。{store} {guide}',
  },
  {
    slug: 'call',
    category: 'birthday',
    format: 'script',
    title: 'お誕生日のお電話',
    body: '{name}、{store}の{guide}でございます。本日お誕生日と伺っておりましたので、ひと言お祝いをお伝えしたくお電話いたしました。お誕生日おめでとうございます。素敵な一年になりますように。お忙しいところ失礼いたしました。',
  },

  // ---- 祝日・行事 ----
  {
    slug: 'shogatsu',
    category: 'holiday',
    holidayId: 'shogatsu',
    title: 'お正月（年賀）',
    body: '{name}\n新年あけましておめでとうございます。\n旧年中は大変お世話になり、誠にありがとうございました。\n本年も{name}にとって笑顔の多い一年となりますよう、心よりお祈り申し上げます。\n本年もどうぞよろしくお願いいたします。\n{store} {guide}',
  },
  {
    slug: 'shogatsu_short',
    category: 'holiday',
    holidayId: 'shogatsu',
    title: 'お正月（短め）',
    body: '{name}、あけましておめでとうございます。昨年は大変お世話になりました。寒い日が続きますので、どうぞお体を大切にお過ごしください。本年もよろしくお願い申し上げます。{store} {guide}',
  },
  {
    slug: 'seijin_no_hi',
    category: 'holiday',
    holidayId: 'seijin_no_hi',
    title: '成人の日',
    body: '{name}、ご成人おめでとうございます。晴れやかな門出を、スタッフ一同心よりお祝い申し上げます。これからの毎日が素敵なものになりますように。{store} {guide}',
  },
  {
    slug: 'mothers_day',
    category: 'holiday',
    holidayId: 'mothers_day',
    title: '母の日',
    body: '{name}、いつもご家族のために本当にお疲れさまです。母の日の今日は、どうぞご自身のこともいたわって、ゆったりとお過ごしくださいね。{store} {guide}',
  },
  {
    slug: 'fathers_day',
    category: 'holiday',
    holidayId: 'fathers_day',
    title: '父の日',
    body: '{name}、父の日にあたり、日頃の感謝を込めてご挨拶申し上げます。どうぞお体を大切に、穏やかな一日をお過ごしください。{store} {guide}',
  },
  {
    slug: 'keiro_no_hi',
    category: 'holiday',
    holidayId: 'keiro_no_hi',
    title: '敬老の日',
    body: '{name}、いつも{store}をご愛顧いただき、ありがとうございます。敬老の日にあたり、日頃の感謝を込めてご挨拶申し上げます。これからもどうぞお健やかにお過ごしください。{guide}',
  },
  {
    slug: 'christmas',
    category: 'holiday',
    holidayId: 'christmas',
    title: 'クリスマス',
    body: '{name}、メリークリスマス。寒さが増してまいりましたが、温かく素敵なクリスマスをお過ごしください。{store} {guide}',
  },
  {
    slug: 'year_end',
    category: 'holiday',
    holidayId: 'year_end',
    title: '年末のご挨拶',
    body: '{name}、今年も大変お世話になりました。{store}にお越しいただいた一日一日に、心より感謝申し上げます。寒さ厳しき折、どうぞお体を大切に、良いお年をお迎えください。{guide}',
  },
  {
    slug: 'spring_festival',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: '旧正月',
    body: '{name}、旧正月おめでとうございます。ご家族の皆さまと健やかで幸せな一年をお迎えになりますよう、心よりお祈り申し上げます。{store} {guide}',
  },
  {
    slug: 'any',
    category: 'holiday',
    title: '祝日のご挨拶（共通）',
    body: '{name}、{holiday}を迎え、日頃の感謝を込めてご挨拶申し上げます。どうぞ健やかにお過ごしください。{store} {guide}',
  },

  // ---- 季節のご挨拶 ----
  {
    slug: 'li_chun',
    category: 'season_change',
    termId: 'li_chun',
    title: '立春',
    body: '{name}、立春を迎え、暦の上では春となりました。とはいえまだ寒さが残りますので、お風邪など召されませんよう、どうぞご自愛ください。{store} {guide}',
  },
  {
    slug: 'li_xia',
    category: 'season_change',
    termId: 'li_xia',
    title: '立夏',
    body: '{name}、立夏を迎え、爽やかな風が心地よい季節となりました。日差しが強くなってまいりますので、こまめな水分補給と日焼け対策をお忘れなく。{store} {guide}',
  },
  {
    slug: 'li_qiu',
    category: 'season_change',
    termId: 'li_qiu',
    title: '立秋（残暑お見舞い）',
    body: '残暑お見舞い申し上げます。\n{name}、暦の上では秋となりましたが、厳しい暑さが続いております。どうぞご無理なさらず、お体を大切にお過ごしください。\n{store} {guide}',
  },
  {
    slug: 'li_dong',
    category: 'season_change',
    termId: 'li_dong',
    title: '立冬',
    body: '{name}、立冬を迎え、朝晩の冷え込みが厳しくなってまいりました。温かくして、お風邪など召されませんようお気をつけください。{store} {guide}',
  },
  {
    slug: 'any',
    category: 'season_change',
    title: '季節の変わり目（共通）',
    body: '{name}、季節の変わり目で寒暖差が大きくなっております。どうぞ体調を崩されませんよう、ご自愛くださいませ。{store} {guide}',
  },
  {
    slug: 'rest',
    category: 'season_change',
    title: '季節の変わり目（お休みください）',
    body: '{name}、季節の変わり目は知らず知らずのうちに疲れがたまりやすい時期です。お忙しい毎日かと存じますが、どうぞゆっくりお休みになってくださいね。{guide}',
  },

  // ---- ご無沙汰 ----
  {
    slug: 'miss',
    category: 'miss_you',
    title: 'ご無沙汰しております',
    body: '{name}、ご無沙汰しております。{store}の{guide}です。ふと{name}のことを思い出し、ご連絡いたしました。季節の変わり目ですので、どうぞお体を大切に、ゆっくりお休みになってくださいね。',
  },
  {
    slug: 'thinking',
    category: 'miss_you',
    title: 'またお会いできる日を',
    body: '{name}、しばらくお目にかかっておりませんが、お変わりなくお過ごしのことと存じます。スタッフ一同、またお会いできる日を楽しみにしております。お忙しい毎日かと思いますので、どうぞご無理なさらずに。{store} {guide}',
  },
  {
    slug: 'short',
    category: 'miss_you',
    title: 'ご挨拶（短め）',
    body: '{name}、いつも気にかけております。寒暖差の大きい時期ですので、どうぞご自愛ください。{guide}',
  },
  {
    slug: 'call',
    category: 'miss_you',
    format: 'script',
    title: 'ご無沙汰のお電話',
    body: '{name}、{store}の{guide}でございます。しばらくお目にかかっておりませんでしたので、ご挨拶にお電話いたしました。季節の変わり目ですので、どうぞお体に気をつけてお過ごしください。お近くにいらした際は、どうぞお気軽にお立ち寄りくださいね。',
  },

  // ---- 感謝 ----
  {
    slug: 'letter',
    category: 'thank_you',
    title: 'お礼状',
    subject: '日頃のご愛顧に感謝を込めて',
    body: '{name}\nいつも{brand}をご愛顧いただき、誠にありがとうございます。{name}のお洋服選びをお手伝いできることを、スタッフ一同とてもうれしく思っております。これからも心を込めてお手伝いさせていただきます。\n{store} {guide}',
  },
  {
    slug: 'message',
    category: 'thank_you',
    title: 'お礼（メッセージ）',
    body: '{name}、いつも{store}をご愛顧いただき、本当にありがとうございます。{name}にお会いできるのが、私たちの何よりの励みです。これからもどうぞよろしくお願いいたします。{guide}',
  },
  {
    slug: 'tier',
    category: 'thank_you',
    title: 'お礼（会員の方へ）',
    body: '{name}、{tier}として長くお付き合いいただき、心より感謝申し上げます。これからも{name}に気持ちよくお過ごしいただけるよう、精一杯努めてまいります。{store} {guide}',
  },
  {
    slug: 'call',
    category: 'thank_you',
    format: 'script',
    title: 'お礼のお電話',
    body: '{name}、{store}の{guide}でございます。本日は、いつもご愛顧いただいているお礼をお伝えしたくお電話いたしました。お洋服のことで何かございましたら、いつでもお気軽にお声がけください。',
  },

  // ---- 購入後フォロー ----
  {
    slug: 'call',
    category: 'after_purchase',
    format: 'script',
    title: '購入後フォロー電話（着心地・お手入れ）',
    body: '{name}、{store}の{guide}でございます。先日はお買い上げいただき、誠にありがとうございました。お召しになってみて、サイズや着心地はいかがでしょうか。お洗濯やお手入れでご不明な点はございませんか。（その場でお答えできない場合は、確認のうえご連絡する日時をお約束します。）',
  },
  {
    slug: 'call_item',
    category: 'after_purchase',
    format: 'script',
    title: '購入後フォロー電話（品名あり）',
    body: '{name}、{store}の{guide}でございます。先日お選びいただいた{item}、お召しになってみていかがでしたか。お洗濯の前には洗濯表示をご確認いただき、ご不安な点があればお気軽にご相談ください。',
  },
  {
    slug: 'message',
    category: 'after_purchase',
    title: '購入後フォロー（メッセージ）',
    body: '{name}、先日はありがとうございました。{store}の{guide}です。着心地はいかがでしょうか。お洗濯やお手入れで気になることがございましたら、いつでもご連絡くださいね。',
  },
  {
    slug: 'message_item',
    category: 'after_purchase',
    title: '購入後フォロー（品名あり）',
    body: '{name}、{item}のサイズ感はいかがでしょうか。初めてお洗濯される前に、洗濯表示をご確認いただくと安心です。ご不明な点はいつでもお尋ねください。{store} {guide}',
  },

  // ---- ご紹介のお礼 ----
  {
    slug: 'thanks',
    category: 'referral_thanks',
    title: 'ご紹介のお礼',
    body: '{name}、このたびは大切なご友人をご紹介いただき、誠にありがとうございました。いただいたご信頼に応えられるよう、心を込めてお手伝いいたします。いつも{brand}と{store}をご愛顧いただき、ありがとうございます。{guide}',
  },
  {
    slug: 'warm',
    category: 'referral_thanks',
    title: 'ご紹介のお礼（親しみ）',
    body: '{name}、本日ご友人がご来店くださいました。{name}のお話で盛り上がり、とても楽しいひとときでした。素敵なご縁をありがとうございます。{store} {guide}',
  },
  {
    slug: 'short',
    category: 'referral_thanks',
    title: 'ご紹介のお礼（短め）',
    body: '{name}、ご紹介いただき本当にありがとうございます。ご友人のことも、心を込めてお手伝いさせていただきます。{guide}',
  },

  // ---- 新しいお客様へ ----
  {
    slug: 'welcome',
    category: 'referral_welcome',
    title: 'ご来店のお礼',
    body: '{name}、本日はご来店いただき、誠にありがとうございました。{store}の{guide}です。お召しになって気になる点や、お洗濯・お手入れでご不明な点がございましたら、いつでもお気軽にご連絡ください。',
  },
  {
    slug: 'welcome_item',
    category: 'referral_welcome',
    title: 'ご来店のお礼（品名あり）',
    body: '{name}、本日はありがとうございました。お選びいただいた{item}、とてもお似合いでした。サイズや着心地で気になることがございましたら、どうぞご遠慮なくお知らせください。{store} {guide}',
  },
  {
    slug: 'friend',
    category: 'referral_welcome',
    title: 'ご来店のお礼（ご紹介）',
    body: '{name}、ご友人のご紹介でお越しいただき、ありがとうございました。これからお洋服のことで何かございましたら、どうぞ私{guide}にお声がけください。{store}',
  },

  // ---- 年間最上位のお客様ご訪問 ----
  {
    slug: 'arrange',
    category: 'top_spender_visit',
    title: 'ご訪問のお願い',
    body: '{name}、{brand}の{guide}でございます。この一年、格別のお引き立てを賜り、心より御礼申し上げます。ぜひ直接お礼をお伝えし、{name}のご意見も伺えればと存じます。ご都合のよろしい日時をお聞かせいただけますでしょうか。',
  },
  {
    slug: 'visit',
    category: 'top_spender_visit',
    format: 'script',
    title: 'ご訪問時のご挨拶（花束・お礼・ご意見）',
    body: '（花束をお持ちして）{name}、本日はお時間をいただきありがとうございます。{brand}の{guide}でございます。この一年のご愛顧に、心より御礼申し上げます。お洋服のこと、接客のこと、店舗のこと、どんなことでも結構ですので、率直なご意見をお聞かせいただけますでしょうか。',
  },
  {
    slug: 'questions',
    category: 'top_spender_visit',
    format: 'script',
    title: 'ご訪問時に伺うこと',
    body: '{name}に伺いたいこと：この一年で一番ご満足いただけたことは何でしょうか。ご不便に感じられたことはございませんでしたか。今後、私どもに期待されることをお聞かせください。（お言葉はそのまま記録し、店舗で対応できることはエリアで、ブランドに関わることは本社カスタマーサービスへ。）',
  },

  // ---- 重要顧客の年間訪問 ----
  {
    slug: 'arrange',
    category: 'vip_visit',
    title: 'ご訪問のお願い',
    body: '{name}、{store}の{guide}でございます。しばらく直接お話しする機会がございませんでしたので、一度ご挨拶に伺えればと存じます。ご都合のよろしい日をお聞かせいただけますと幸いです。',
  },
  {
    slug: 'visit',
    category: 'vip_visit',
    format: 'script',
    title: 'ご訪問時のご挨拶',
    body: '（ささやかな手土産をお持ちして）{name}、本日はお時間をいただきありがとうございます。お変わりなくお過ごしでしたか。以前お選びいただいたお洋服の着心地はいかがでしょうか。私どもへのご意見も、ぜひお聞かせください。',
  },
  {
    slug: 'call',
    category: 'vip_visit',
    format: 'script',
    title: 'ご様子伺いのお電話',
    body: '{name}、{store}の{guide}でございます。ご挨拶がてらお電話いたしました。お洋服のことでお困りのことはございませんか。お手入れのご相談や、私どもへのご意見もいつでもお聞かせください。',
  },

  // ---- 離反のお客様へ ----
  {
    slug: 'message',
    category: 'win_back',
    title: 'ご挨拶（担当スタッフ）',
    body: '{name}、ご無沙汰しております。{store}の{guide}です。{name}のことは今もよく思い出しております。どうぞお体を大切に、健やかにお過ごしください。またお会いできる日を楽しみにしております。',
  },
  {
    slug: 'manager',
    category: 'win_back',
    title: 'ご挨拶（店長）',
    body: '{name}、{store}店長の{guide}でございます。これまで大変お世話になり、心より感謝しております。私どもはより良いお店であるよう努めてまいりますので、お気づきの点がございましたら、いつでもお聞かせいただけますと幸いです。',
  },
  {
    slug: 'call',
    category: 'win_back',
    format: 'script',
    title: 'ご挨拶のお電話',
    body: '{name}、{store}の{guide}でございます。しばらくお目にかかっておりませんので、ご挨拶にお電話いたしました。私どもへのご意見やご要望がございましたら、ぜひお聞かせください。お忙しいところ失礼いたしました。どうぞご自愛ください。',
  },
];
