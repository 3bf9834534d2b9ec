// 繁體中文話術庫（台灣用語為主，香港門市也適用）：導購寫給熟客的話，親切、自然，不像廣告。節日只送祝福，
// 不提店內安排；換季只提醒冷暖，不提新貨；久未到店只說想念、提醒休息，不追問她怎麼了。
import type { LibraryEntry } from './types';

export const ZH_TW: LibraryEntry[] = [
  // ---- 生日 ----
  {
    slug: 'warm',
    category: 'birthday',
    title: '生日祝福（溫暖）',
    body: '{name}，今天是您的生日，祝您生日快樂！新的一歲平安順心、心想事成～ {store} {guide} 敬上',
  },
  {
    slug: 'wishes',
    category: 'birthday',
    title: '生日祝福（心願）',
    body: '{name}，生日快樂！願您每天都被溫柔對待，心裡的小願望一個一個實現。謝謝您一直以來的照顧，{guide}在這裡送上滿滿的祝福。',
  },
  {
    slug: 'simple',
    category: 'birthday',
    title: '生日祝福（簡短）',
    body: '{name}，生日快樂！祝您身體健康、笑口常開，今天好好寵愛自己喔！{store} {guide}',
  },
  {
    slug: 'benefit',
    category: 'birthday',
    title: '生日祝福（含生日月禮遇）',
    allowsBenefit: true,
    body: '{name}，今天是您的生日，祝您生日快樂、幸福滿滿！我們為您準備了一份生日小心意（{benefit}），這個月有空來店裡坐坐，想當面跟您說聲生日快樂。{guide}',
  },
  {
    slug: 'call',
    category: 'birthday',
    format: 'script',
    title: '生日問候電話',
    body: '{name}您好，我是{store}的{guide}。今天是您的生日，特地打來祝您生日快樂！祝您新的一歲身體健康、事事順心。不打擾您慶生囉，今天要好好犒賞自己喔。',
  },

  // ---- 節日 ----
  {
    slug: 'new_year',
    category: 'holiday',
    holidayId: 'new_year',
    title: '元旦',
    body: '{name}您好，新年快樂！謝謝您這一年來的照顧與支持，祝福您在新的一年平安健康、萬事如意。{store} {guide} 敬上',
  },
  {
    slug: 'spring_festival',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: '春節（拜年）',
    body: '{name}，新年快樂！{guide}在這裡給您和家人拜年囉～祝您新春愉快、身體健康、闔家平安、萬事如意！{store} 敬上',
  },
  {
    slug: 'spring_festival_thanks',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: '春節（感謝）',
    body: '{name}，過年好！這一年謝謝您的照顧，每次陪您挑衣服、聽您聊生活都好開心。祝您新的一年平安順遂、好運連連！{store} {guide}',
  },
  {
    slug: 'lantern',
    category: 'holiday',
    holidayId: 'lantern',
    title: '元宵節',
    body: '{name}，元宵節快樂！祝您和家人團團圓圓、甜甜蜜蜜，新的一年事事順心。{guide}',
  },
  {
    slug: 'womens_day',
    category: 'holiday',
    holidayId: 'womens_day',
    title: '婦女節',
    body: '{name}，婦女節快樂！願您永遠自在美麗、被溫柔對待，每一天都過得開心。{store} {guide}',
  },
  {
    slug: 'mothers_day',
    category: 'holiday',
    holidayId: 'mothers_day',
    title: '母親節',
    body: '{name}，母親節快樂！謝謝您為家人的付出，辛苦了～今天也記得好好寵愛自己，祝您健康美麗、幸福滿滿。{guide}',
  },
  {
    slug: 'dragon_boat',
    category: 'holiday',
    holidayId: 'dragon_boat',
    title: '端午節',
    body: '{name}，端午節安康！祝您和家人平安健康、順心如意。天氣越來越熱，記得多補充水分喔。{store} {guide}',
  },
  {
    slug: 'fathers_day',
    category: 'holiday',
    holidayId: 'fathers_day',
    title: '父親節',
    body: '{name}，父親節快樂！謝謝您一直為家人撐起一片天，今天也好好休息一下，祝您身體健康、事事順心。{guide}',
  },
  {
    slug: 'qixi',
    category: 'holiday',
    holidayId: 'qixi',
    title: '七夕',
    body: '{name}，七夕情人節快樂！願您被滿滿的愛包圍，每一天都甜甜的。{guide}',
  },
  {
    slug: 'teachers_day',
    category: 'holiday',
    holidayId: 'teachers_day',
    title: '教師節',
    body: '{name}，教師節快樂！作育英才辛苦了，謝謝您為學生們的用心付出。祝您身體健康、天天開心。{store} {guide}',
  },
  {
    slug: 'mid_autumn',
    category: 'holiday',
    holidayId: 'mid_autumn',
    title: '中秋節（團圓）',
    body: '{name}，中秋節快樂！月圓人團圓，祝您和家人花好月圓、闔家安康。{store} {guide}',
  },
  {
    slug: 'mid_autumn_bbq',
    category: 'holiday',
    holidayId: 'mid_autumn',
    title: '中秋節（烤肉賞月）',
    body: '{name}，中秋節快樂！不管是烤肉還是賞月，都祝您和家人玩得開心、團團圓圓～晚上風涼，記得多帶件外套喔。{guide}',
  },
  {
    slug: 'double_ten',
    category: 'holiday',
    holidayId: 'double_ten',
    title: '國慶日',
    body: '{name}，國慶日快樂！連假期間好好放鬆、陪陪家人，出遊記得注意安全喔。{guide}',
  },
  {
    slug: 'double_ninth',
    category: 'holiday',
    holidayId: 'double_ninth',
    title: '重陽節',
    body: '{name}，重陽節安康！祝您身體硬朗、福壽綿長。秋天早晚溫差大，記得添件衣服、注意保暖。{store} {guide}',
  },
  {
    slug: 'winter_solstice',
    category: 'holiday',
    holidayId: 'winter_solstice',
    title: '冬至（湯圓）',
    body: '{name}，冬至快樂！記得吃碗熱呼呼的湯圓暖暖身子。天冷了，出門多加件外套喔。{store} {guide}',
  },
  {
    slug: 'winter_solstice_family',
    category: 'holiday',
    holidayId: 'winter_solstice',
    title: '冬至（團聚）',
    body: '{name}，冬至快樂！今晚和家人一起吃頓暖暖的飯，就是最幸福的事。天氣轉涼，記得多穿件衣服。{guide}',
  },
  {
    slug: 'christmas',
    category: 'holiday',
    holidayId: 'christmas',
    title: '聖誕節',
    body: '{name}，聖誕快樂！願這個冬天溫暖又美好，祝您和家人平安喜樂。{store} {guide}',
  },
  {
    slug: 'any',
    category: 'holiday',
    title: '節日祝福（通用）',
    body: '{name}，{holiday}到了，{guide}在這裡祝福您和家人平安健康、萬事如意！{store}',
  },

  // ---- 換季 ----
  {
    slug: 'li_chun',
    category: 'season_change',
    termId: 'li_chun',
    title: '立春',
    body: '{name}，今天立春，天氣慢慢回暖，不過早晚還是有點涼，出門記得帶件外套喔。祝您春天一切順心！{guide}',
  },
  {
    slug: 'li_xia',
    category: 'season_change',
    termId: 'li_xia',
    title: '立夏',
    body: '{name}，立夏了，天氣開始熱起來，記得多喝水、做好防曬，冷氣房裡也別忘了披件薄外套。{guide}',
  },
  {
    slug: 'li_qiu',
    category: 'season_change',
    termId: 'li_qiu',
    title: '立秋',
    body: '{name}，今天立秋，雖然還是很熱，但早晚溫差慢慢變大了，記得適時添減衣服、多喝溫開水，照顧好身體。{guide}',
  },
  {
    slug: 'li_dong',
    category: 'season_change',
    termId: 'li_dong',
    title: '立冬',
    body: '{name}，立冬了，天氣一天比一天涼，出門記得多加件衣服，喝點熱湯暖暖身。祝您冬天暖呼呼的～{guide}',
  },
  {
    slug: 'any',
    category: 'season_change',
    title: '換季關懷（通用）',
    body: '{name}，換季了，早晚溫差大，記得適時添減衣服，也要注意休息和飲食喔。祝您健康順心！{store} {guide}',
  },
  {
    slug: 'rest',
    category: 'season_change',
    title: '換季關懷（休息）',
    body: '{name}，季節交替的時候最容易累，再忙也要記得好好吃飯、早點休息。天氣變化快，包包裡多放件薄外套比較安心。{guide}',
  },

  // ---- 久未到店 ----
  {
    slug: 'miss',
    category: 'miss_you',
    title: '想念您',
    body: '{name}，好久不見，{guide}好想您喔！最近天氣變化大，記得照顧好自己，忙歸忙也別忘了休息。有空經過的話，歡迎進來喝杯茶聊聊天。',
  },
  {
    slug: 'thinking',
    category: 'miss_you',
    title: '想起您',
    body: '{name}，今天整理店裡的時候突然想到您，想起您穿那件衣服真的很好看。好一陣子沒見了，祝您一切順心，記得多休息、照顧好身體。{store} {guide}',
  },
  {
    slug: 'care',
    category: 'miss_you',
    title: '問候（簡短）',
    body: '{name}，好久沒見到您了，一直掛念著您。祝您工作順利、身體健康，累了就給自己放個假喔。{guide}',
  },
  {
    slug: 'call',
    category: 'miss_you',
    format: 'script',
    title: '想念問候電話',
    body: '{name}您好，我是{store}的{guide}。好一陣子沒看到您，有點想您，就打個電話跟您問聲好。最近換季，要多注意身體喔。不耽誤您時間了，有空經過隨時進來坐坐。',
  },

  // ---- 累計消費感謝 ----
  {
    slug: 'letter',
    category: 'thank_you',
    title: '感謝信',
    subject: '謝謝您一直以來的支持',
    body: '{name}您好：\n一路走來，謝謝您對{brand}的喜愛與信任。能陪您挑選每一件衣服、聽您分享生活中的點點滴滴，是我們最開心的事。未來我們也會一樣用心為您服務。\n{store} {guide} 敬上',
  },
  {
    slug: 'message',
    category: 'thank_you',
    title: '感謝簡訊',
    body: '{name}，謝謝您這麼久以來對{brand}和{store}的支持！有您這樣的老朋友，是我們最大的福氣。祝您每天都穿得開心、過得舒心。{guide}',
  },
  {
    slug: 'tier',
    category: 'thank_you',
    title: '感謝（會員）',
    body: '{name}，身為我們的{tier}，您每一次來店裡都讓我們覺得好溫暖。謝謝您的信任，我們會繼續用心照顧您。{store} {guide}',
  },
  {
    slug: 'call',
    category: 'thank_you',
    format: 'script',
    title: '感謝電話',
    body: '{name}您好，我是{store}的{guide}。沒有特別的事，只是想跟您說聲謝謝，這麼久以來一直支持我們。平常穿搭上有什麼想法，或對我們有什麼建議，都歡迎隨時跟我說。',
  },

  // ---- 消費回訪 ----
  {
    slug: 'call',
    category: 'after_purchase',
    format: 'script',
    title: '消費回訪電話（穿著與洗滌）',
    body: '{name}您好，我是{store}的{guide}，不好意思打擾一下。上週您帶回去的衣服穿起來還合身、舒服嗎？洗滌保養上有沒有什麼問題？有任何疑問隨時跟我說，我來幫您處理。（當下答不出來的話：跟她約好時間，查清楚再回覆。）',
  },
  {
    slug: 'call_item',
    category: 'after_purchase',
    format: 'script',
    title: '消費回訪電話（提到款式）',
    body: '{name}您好，我是{store}的{guide}。想問問您那件{item}穿了幾次，感覺怎麼樣？版型和布料還喜歡嗎？清洗前記得看一下洗標，不確定的地方可以先問我喔。',
  },
  {
    slug: 'message',
    category: 'after_purchase',
    title: '消費回訪簡訊',
    body: '{name}您好！我是{store}的{guide}。衣服穿起來還舒服嗎？洗滌或保養上有任何問題都可以隨時問我喔。祝您穿得開心！',
  },
  {
    slug: 'message_item',
    category: 'after_purchase',
    title: '消費回訪簡訊（提到款式）',
    body: '{name}您好！那件{item}穿起來還合身嗎？第一次清洗前記得看看洗標，有不確定的地方直接問我就好。{store} {guide}',
  },

  // ---- 轉介紹：感謝老顧客 ----
  {
    slug: 'thanks',
    category: 'referral_thanks',
    title: '感謝介紹朋友',
    body: '{name}，謝謝您把我們介紹給好朋友！這份信任我們會好好珍惜，也會用心照顧您的朋友。謝謝您一直以來對{brand}的喜愛和對{store}的支持。{guide}',
  },
  {
    slug: 'warm',
    category: 'referral_thanks',
    title: '感謝介紹朋友（親切）',
    body: '{name}，今天您的朋友來店裡，聊到您的時候大家都好開心。謝謝您一直惦記著我們，有您這樣的老朋友真好！{store} {guide}',
  },
  {
    slug: 'short',
    category: 'referral_thanks',
    title: '感謝介紹朋友（簡短）',
    body: '{name}，謝謝您的推薦和信任！您介紹來的朋友，我們一定好好照顧。{guide}',
  },

  // ---- 轉介紹：歡迎新顧客 ----
  {
    slug: 'welcome',
    category: 'referral_welcome',
    title: '歡迎新顧客',
    body: '{name}您好！我是{store}的{guide}，謝謝您今天的光臨，也謝謝您對{brand}的肯定。衣服穿起來有任何問題，或洗滌保養上有疑問，隨時找我就好。',
  },
  {
    slug: 'welcome_item',
    category: 'referral_welcome',
    title: '歡迎新顧客（提到款式）',
    body: '{name}您好！很開心今天認識您。您挑的那件{item}很適合您，穿起來有不合適的地方隨時跟我說。我是{guide}，以後有需要儘管找我。{store}',
  },
  {
    slug: 'friend',
    category: 'referral_welcome',
    title: '歡迎新顧客（朋友介紹）',
    body: '{name}，謝謝您今天過來！朋友介紹的就是自己人，以後穿搭、保養上有什麼想問的，隨時找我喔。{store} {guide}',
  },

  // ---- 年度最高消費顧客拜訪 ----
  {
    slug: 'arrange',
    category: 'top_spender_visit',
    title: '預約拜訪',
    body: '{name}您好！我是{brand}的{guide}。這一年承蒙您的照顧與支持，想找個您方便的時間當面跟您道謝，也聽聽您對我們的建議。不知道您最近哪天比較方便呢？',
  },
  {
    slug: 'visit',
    category: 'top_spender_visit',
    format: 'script',
    title: '拜訪話術（送花、致謝、聽建議）',
    body: '（帶上花束）{name}您好！我是{brand}的{guide}，謝謝您這一年來的支持與愛護，今天特地來看看您。您是我們最珍貴的朋友，很想聽聽您對品牌和門市的意見，不管是穿著、服務或店裡任何地方都可以說，您的每一句話我們都會認真帶回去。',
  },
  {
    slug: 'questions',
    category: 'top_spender_visit',
    format: 'script',
    title: '拜訪時可以請教的問題',
    body: '{name}，想跟您請教幾個問題：這一年在我們這裡，您最滿意的是什麼？有沒有哪裡讓您覺得不方便？您希望我們以後多為您做些什麼？（記下她的原話；門市能處理的由區域跟進，品牌層面的轉給總部客服部。）',
  },

  // ---- 重點顧客年度拜訪 ----
  {
    slug: 'arrange',
    category: 'vip_visit',
    title: '預約拜訪',
    body: '{name}您好！我是{store}的{guide}。好久沒有當面跟您聊聊了，想約個您方便的時間去看看您，也聽聽您最近穿搭上的想法。您看哪天比較合適呢？',
  },
  {
    slug: 'visit',
    category: 'vip_visit',
    format: 'script',
    title: '面訪話術',
    body: '（帶一份小紀念品）{name}，謝謝您撥空見我們！最近工作和生活都還順利嗎？之前買的衣服穿起來感覺怎麼樣？對我們的服務有什麼想法都可以直說，我們想做得更好。',
  },
  {
    slug: 'call',
    category: 'vip_visit',
    format: 'script',
    title: '電話回訪話術',
    body: '{name}您好，我是{store}的{guide}，打個電話跟您問聲好。最近穿搭上有沒有需要幫忙的地方？之前的衣服洗護有沒有問題？對我們有任何建議都歡迎告訴我。',
  },

  // ---- 流失挽回 ----
  {
    slug: 'message',
    category: 'win_back',
    title: '挽回（導購問候）',
    body: '{name}，好久沒跟您聯絡了，一直記得您。您是我們很重要的老朋友，不管多久，{store}都在這裡。換季了，記得照顧好自己喔。{guide}',
  },
  {
    slug: 'manager',
    category: 'win_back',
    title: '挽回（店長問候）',
    body: '{name}您好！我是{store}的店長{guide}。這些年謝謝您的照顧，我們一直很想念您。我們一直希望能做得更好，您有任何想法或建議，都很願意聽您說說。',
  },
  {
    slug: 'call',
    category: 'win_back',
    format: 'script',
    title: '挽回電話話術',
    body: '{name}您好，我是{store}的{guide}。好久沒見到您，一直掛念著，打個電話跟您問聲好。我們一直想做得更好，您對我們如果有什麼意見或建議，隨時跟我說，我們都會認真聽。不耽誤您了，請多保重。',
  },
];
