// 简体中文话术库：导购写给熟客的话，像朋友，不像广告。节日只送祝福，不提店里的安排；换季只提醒冷暖，
// 不提新货；久未到店只说想念、提醒休息，不追问她怎么了。
import type { LibraryEntry } from './types';

export const ZH_CN: LibraryEntry[] = [
  // ---- 生日 ----
  {
    slug: 'warm',
    category: 'birthday',
    title: '生日祝福（温暖）',
    body: '{name}，今天是您的生日！祝您生日快乐，新的一岁平安喜乐、心想事成。—— {store} {guide}',
  },
  {
    slug: 'wishes',
    category: 'birthday',
    title: '生日祝福（心愿）',
    body: '{name}，生日快乐！愿您被这个世界温柔以待，所有的小心愿都一一实现。谢谢您一直以来的陪伴，{guide}在这里给您送上最真的祝福。',
  },
  {
    slug: 'simple',
    category: 'birthday',
    title: '生日祝福（简短）',
    body: '{name}，生日快乐！又是一年好时光，愿您笑容常在、身体健康，每一天都过得舒心。{store} {guide}',
  },
  {
    slug: 'benefit',
    category: 'birthday',
    title: '生日祝福（含生日月礼遇）',
    allowsBenefit: true,
    body: '{name}，今天是属于您的日子，祝您生日快乐、幸福安康！我们为您备了一份生日小心意（{benefit}），这个月有空来店里坐坐，想当面为您庆祝一下。—— {guide}',
  },
  {
    slug: 'call',
    category: 'birthday',
    format: 'script',
    title: '生日问候电话',
    body: '{name}您好，我是{store}的{guide}。今天是您的生日，特地打个电话祝您生日快乐！愿您新的一岁身体健康、万事顺心。不打扰您过生日啦，今天一定要好好犒劳自己。',
  },

  // ---- 节日 ----
  {
    slug: 'new_year',
    category: 'holiday',
    holidayId: 'new_year',
    title: '元旦',
    body: '{name}，新年快乐！谢谢您过去一年的陪伴与支持，愿新的一年里，您和家人平安健康、万事顺意。—— {store} {guide}',
  },
  {
    slug: 'spring_festival',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: '春节（拜年）',
    body: '{name}，一元复始，万象更新。{guide}给您和家人拜年啦！祝您新春大吉、身体健康、阖家幸福、万事如意！—— {store}',
  },
  {
    slug: 'spring_festival_thanks',
    category: 'holiday',
    holidayId: 'spring_festival',
    title: '春节（感谢）',
    body: '{name}，春节快乐！这一年承蒙您的照顾，能为您挑衣服、听您聊聊生活，是我们最开心的事。新的一年，祝您平安顺遂、喜乐常在！—— {store} {guide}',
  },
  {
    slug: 'lantern',
    category: 'holiday',
    holidayId: 'lantern',
    title: '元宵节',
    body: '{name}，元宵节快乐！月圆人团圆，愿您和家人甜甜蜜蜜、团团圆圆，新的一年顺顺利利。—— {guide}',
  },
  {
    slug: 'womens_day',
    category: 'holiday',
    holidayId: 'womens_day',
    title: '三八妇女节',
    body: '{name}，节日快乐！愿您永远被温柔以待，活成自己喜欢的样子，自在美丽、健康快乐。—— {store} {guide}',
  },
  {
    slug: 'mothers_day',
    category: 'holiday',
    holidayId: 'mothers_day',
    title: '母亲节',
    body: '{name}，母亲节快乐！为家人操心辛苦啦，今天也请好好宠爱自己。愿您健康美丽、幸福常在。—— {guide}',
  },
  {
    slug: 'dragon_boat',
    category: 'holiday',
    holidayId: 'dragon_boat',
    title: '端午节',
    body: '{name}，端午安康！粽叶飘香的日子，愿您和家人平安健康、万事顺遂。天气渐热，记得多喝水、注意防暑。—— {store} {guide}',
  },
  {
    slug: 'fathers_day',
    category: 'holiday',
    holidayId: 'fathers_day',
    title: '父亲节',
    body: '{name}，父亲节快乐！谢谢您为家人撑起一片天，今天也记得好好歇一歇。愿您身体健康、一切顺心。—— {guide}',
  },
  {
    slug: 'qixi',
    category: 'holiday',
    holidayId: 'qixi',
    title: '七夕',
    body: '{name}，七夕快乐！愿您被爱包围，身边的人都懂得珍惜您，日子甜甜蜜蜜。—— {guide}',
  },
  {
    slug: 'teachers_day',
    category: 'holiday',
    holidayId: 'teachers_day',
    title: '教师节',
    body: '{name}，教师节快乐！教书育人辛苦了，谢谢您为学生们的付出。今天也给自己留一点时间，好好休息。—— {store} {guide}',
  },
  {
    slug: 'mid_autumn',
    category: 'holiday',
    holidayId: 'mid_autumn',
    title: '中秋节（团圆）',
    body: '{name}，中秋快乐！月圆人团圆，愿您和家人共赏明月，幸福安康，事事圆满。—— {store} {guide}',
  },
  {
    slug: 'mid_autumn_thanks',
    category: 'holiday',
    holidayId: 'mid_autumn',
    title: '中秋节（感谢）',
    body: '{name}，又是一年中秋。谢谢您一直以来的照顾，{guide}在这里祝您花好月圆、阖家安康！赏月时夜里凉，记得添件衣服。',
  },
  {
    slug: 'national_day',
    category: 'holiday',
    holidayId: 'national_day',
    title: '国庆节',
    body: '{name}，国庆快乐！长假里好好陪陪家人、放松心情，出行注意休息和安全，祝您假期愉快！—— {guide}',
  },
  {
    slug: 'double_ninth',
    category: 'holiday',
    holidayId: 'double_ninth',
    title: '重阳节',
    body: '{name}，重阳安康！秋高气爽的日子，愿您身体硬朗、心情舒畅，福寿绵长。天气转凉，记得添衣保暖。—— {store} {guide}',
  },
  {
    slug: 'christmas',
    category: 'holiday',
    holidayId: 'christmas',
    title: '圣诞节',
    body: '{name}，圣诞快乐！愿这个冬天温暖又美好，您和家人平安喜乐。—— {store} {guide}',
  },
  {
    slug: 'any',
    category: 'holiday',
    title: '节日祝福（通用）',
    body: '{name}，值此{holiday}，{guide}给您送上祝福：愿您和家人平安健康、万事顺意！—— {store}',
  },

  // ---- 换季 ----
  {
    slug: 'li_chun',
    category: 'season_change',
    termId: 'li_chun',
    title: '立春',
    body: '{name}，今天立春，天气慢慢回暖了，不过早晚还有些凉，出门记得带件外套，别着凉。愿您春天里一切顺心！—— {guide}',
  },
  {
    slug: 'li_xia',
    category: 'season_change',
    termId: 'li_xia',
    title: '立夏',
    body: '{name}，立夏了，天气一天天热起来，记得多喝水、注意防晒，冷饮也别贪多。愿您清清爽爽过夏天！—— {guide}',
  },
  {
    slug: 'li_qiu',
    category: 'season_change',
    termId: 'li_qiu',
    title: '立秋',
    body: '{name}，今日立秋，早晚渐渐凉了，秋燥也要当心，多喝水、多吃些润燥的水果。换季时节注意添减衣物，照顾好自己。—— {guide}',
  },
  {
    slug: 'li_dong',
    category: 'season_change',
    termId: 'li_dong',
    title: '立冬',
    body: '{name}，立冬了，天气一天比一天冷，出门记得加件衣服，手脚保暖，饮食上多吃点温热的。愿您整个冬天都暖暖的。—— {guide}',
  },
  {
    slug: 'any',
    category: 'season_change',
    title: '换季关怀（通用）',
    body: '{name}，换季了，早晚温差大，出门记得适当添减衣服，也要注意休息和饮食。愿您健康顺心！—— {store} {guide}',
  },
  {
    slug: 'rest',
    category: 'season_change',
    title: '换季关怀（休息）',
    body: '{name}，季节交替的时候最容易累着，工作再忙也要按时吃饭、早点休息。天气变化快，出门前看看天气，衣服多备一件。—— {guide}',
  },

  // ---- 久未到店 ----
  {
    slug: 'miss',
    category: 'miss_you',
    title: '想念您',
    body: '{name}，好久不见，{guide}挺想您的。最近天气变化大，记得照顾好自己，忙的时候也别忘了休息。有空路过的话，随时进来喝杯茶聊聊天。',
  },
  {
    slug: 'thinking',
    category: 'miss_you',
    title: '想起您',
    body: '{name}，今天整理衣服的时候想起了您，想起您穿那件衣服的样子特别好看。不知不觉好一阵子没见了，愿您一切都好，注意休息，照顾好身体。—— {store} {guide}',
  },
  {
    slug: 'care',
    category: 'miss_you',
    title: '问候（简短）',
    body: '{name}，好久没见到您了，心里一直惦记着。愿您工作顺利、身体健康，累了就给自己放个假。—— {guide}',
  },
  {
    slug: 'call',
    category: 'miss_you',
    format: 'script',
    title: '想念问候电话',
    body: '{name}您好，我是{store}的{guide}。好一阵子没见着您，挺想您的，就打个电话跟您问声好。最近换季，您多注意身体。不耽误您时间啦，有空路过随时进来坐坐。',
  },

  // ---- 累计消费感谢 ----
  {
    slug: 'letter',
    category: 'thank_you',
    title: '感谢信',
    subject: '谢谢您一直以来的喜爱',
    body: '{name}：\n您好！一路走来，谢谢您对{brand}的喜爱与信任。能陪您挑选每一件衣服、听您分享生活里的点滴，是我们最开心的事。往后的日子，我们也会一如既往地用心为您服务。\n{store} {guide} 敬上',
  },
  {
    slug: 'message',
    category: 'thank_you',
    title: '感谢短信',
    body: '{name}，谢谢您这么久以来对{brand}和我们{store}的支持！有您这样的老朋友，是我们最大的幸运。愿您每天都穿得开心、过得舒心。—— {guide}',
  },
  {
    slug: 'tier',
    category: 'thank_you',
    title: '感谢（会员）',
    body: '{name}，作为我们的{tier}，您的每一次光临都让我们格外温暖。谢谢您的信任，我们会继续用心，把您照顾好。—— {store} {guide}',
  },
  {
    slug: 'call',
    category: 'thank_you',
    format: 'script',
    title: '感谢电话',
    body: '{name}您好，我是{store}的{guide}。没别的事，就是想跟您说声谢谢，这么久以来一直支持我们。您平时穿着有什么想法或者对我们有什么建议，随时跟我说。',
  },

  // ---- 消费回访 ----
  {
    slug: 'call',
    category: 'after_purchase',
    format: 'script',
    title: '消费回访电话（穿着与洗涤）',
    body: '{name}您好，我是{store}的{guide}，不好意思打扰您一下。上周您带回去的衣服穿着还合身、舒服吗？洗涤保养方面有没有什么疑问？有任何问题您随时跟我说，我来帮您处理。（若当场答不上来：和她约好时间，查清楚后回复她。）',
  },
  {
    slug: 'call_item',
    category: 'after_purchase',
    format: 'script',
    title: '消费回访电话（提到款式）',
    body: '{name}您好，我是{store}的{guide}。想问问您那件{item}穿了几次，感觉怎么样？版型和面料还满意吗？洗的时候记得看一下洗标，有拿不准的地方可以先问我。',
  },
  {
    slug: 'message',
    category: 'after_purchase',
    title: '消费回访短信',
    body: '{name}，您好！我是{store}的{guide}。衣服穿着还舒服吗？洗涤或保养上有任何疑问随时问我，我都在。祝您穿得开心！',
  },
  {
    slug: 'message_item',
    category: 'after_purchase',
    title: '消费回访短信（提到款式）',
    body: '{name}，您好！那件{item}穿着还合身吗？第一次清洗前记得看看洗标，有不确定的地方直接问我就好。—— {store} {guide}',
  },

  // ---- 转介绍：感谢老顾客 ----
  {
    slug: 'thanks',
    category: 'referral_thanks',
    title: '感谢介绍朋友',
    body: '{name}，谢谢您把我们介绍给身边的好朋友！这份信任我们会好好珍惜，也会用心照顾好您的朋友。谢谢您一直以来对{brand}的喜爱和对{store}的支持。—— {guide}',
  },
  {
    slug: 'warm',
    category: 'referral_thanks',
    title: '感谢介绍朋友（亲切）',
    body: '{name}，今天您的朋友来店里了，聊起您的时候特别开心。谢谢您一直惦记着我们，有您这样的老朋友真好！—— {store} {guide}',
  },
  {
    slug: 'short',
    category: 'referral_thanks',
    title: '感谢介绍朋友（简短）',
    body: '{name}，谢谢您的推荐和信任！您介绍来的朋友我们一定好好照顾。—— {guide}',
  },

  // ---- 转介绍：欢迎新顾客 ----
  {
    slug: 'welcome',
    category: 'referral_welcome',
    title: '欢迎新顾客',
    body: '{name}，您好！我是{store}的{guide}，谢谢您今天的光临，也谢谢您对{brand}的认可。衣服穿着有任何问题，或洗涤保养上有疑问，随时找我就好。',
  },
  {
    slug: 'welcome_item',
    category: 'referral_welcome',
    title: '欢迎新顾客（提到款式）',
    body: '{name}，您好！很高兴今天认识您。您挑的那件{item}很衬您，穿着有任何不合适的地方随时跟我说。我是{guide}，以后有需要尽管找我。—— {store}',
  },
  {
    slug: 'friend',
    category: 'referral_welcome',
    title: '欢迎新顾客（朋友介绍）',
    body: '{name}，谢谢您今天过来！朋友介绍来的，就都是自己人，以后穿着、搭配、保养上有什么想问的，随时找我。—— {store} {guide}',
  },

  // ---- 年度最高消费顾客拜访 ----
  {
    slug: 'arrange',
    category: 'top_spender_visit',
    title: '预约拜访',
    body: '{name}，您好！我是{brand}的{guide}。这一年承蒙您的照顾和支持，想找个您方便的时间当面向您道声谢，也听听您对我们的建议。不知您最近哪天方便？',
  },
  {
    slug: 'visit',
    category: 'top_spender_visit',
    format: 'script',
    title: '拜访话术（送花、致谢、听建议）',
    body: '（带上鲜花）{name}，您好！我是{brand}的{guide}，谢谢您这一年来对我们的支持与厚爱，今天特地来看看您。您是我们最珍贵的朋友，想听听您对我们品牌和门店的意见和建议，穿着、服务、店里的任何地方都可以说，您的每一句话我们都会认真带回去。',
  },
  {
    slug: 'questions',
    category: 'top_spender_visit',
    format: 'script',
    title: '拜访时可以请教的问题',
    body: '{name}，想向您请教几个问题：这一年在我们这里，您最满意的是什么？有没有哪里让您觉得不够方便？您希望我们以后为您多做些什么？（记下她的原话；门店能处理的由区域跟进，品牌层面的转交总部客服部。）',
  },

  // ---- 重点顾客年度拜访 ----
  {
    slug: 'arrange',
    category: 'vip_visit',
    title: '预约拜访',
    body: '{name}，您好！我是{store}的{guide}。好久没当面和您聊聊了，想约个您方便的时间去看看您，也听听您最近穿着上的想法。您看哪天合适？',
  },
  {
    slug: 'visit',
    category: 'vip_visit',
    format: 'script',
    title: '面访话术',
    body: '（带一份小纪念品）{name}，谢谢您抽时间见我们！最近工作和生活都还顺利吧？之前买的衣服穿着感觉怎么样？对我们的服务有什么想法，您尽管说，我们想做得更好。',
  },
  {
    slug: 'call',
    category: 'vip_visit',
    format: 'script',
    title: '电话回访话术',
    body: '{name}您好，我是{store}的{guide}，给您打个电话问声好。最近穿着上有没有什么需要帮忙的？之前的衣服洗护有没有问题？您对我们有任何建议都欢迎告诉我。',
  },

  // ---- 流失挽回 ----
  {
    slug: 'message',
    category: 'win_back',
    title: '挽回（导购问候）',
    body: '{name}，好久没和您联系了，一直记着您。您是我们很重要的老朋友，不管多久，{store}都在这儿。换季了，记得照顾好自己。—— {guide}',
  },
  {
    slug: 'manager',
    category: 'win_back',
    title: '挽回（店长问候）',
    body: '{name}，您好！我是{store}的店长{guide}。这些年谢谢您对我们的照顾，一直很想念您。我们一直希望做得更好，您有任何想法或建议，都非常愿意听您说说。',
  },
  {
    slug: 'call',
    category: 'win_back',
    format: 'script',
    title: '挽回电话话术',
    body: '{name}您好，我是{store}的{guide}。好久没见您了，心里一直惦记着，打个电话问声好。我们一直想做得更好，您要是对我们有什么意见或建议，随时跟我说，我们都会认真听。不耽误您，保重身体。',
  },
];
