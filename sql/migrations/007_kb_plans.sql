-- Knowledge base ("knowledge finds the person") and maintenance plans.
--
-- kb_articles.search_text holds the tokens of search_tokens() (cgi/core/
-- search.c) of "<title> <tags> <body>": ASCII bigram tokens, so the InnoDB
-- FULLTEXT parser (which splits on spaces only) finds Chinese words. The
-- application writes it on every create/edit; the seeded rows below carry
-- tokens computed with that same function (see the comment above them).
CREATE TABLE kb_articles (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('faq','case','sop') NOT NULL,
  title        VARCHAR(200) NOT NULL,
  body         TEXT NOT NULL,
  category_id  BIGINT UNSIGNED NULL,
  tags         VARCHAR(400) NOT NULL DEFAULT '',
  search_text  MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  author_id    BIGINT UNSIGNED NULL,
  form_token   CHAR(64) CHARACTER SET ascii NULL,
  version      INT UNSIGNED NOT NULL DEFAULT 1,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  helpful_yes  INT UNSIGNED NOT NULL DEFAULT 0,
  helpful_no   INT UNSIGNED NOT NULL DEFAULT 0,
  published    TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uk_kb_form_token (form_token),
  KEY ix_kb_published (published, updated_at),
  KEY ix_kb_category (category_id, published),
  KEY ix_kb_kind (kind, published),
  FULLTEXT KEY ft_kb_search (search_text),
  CONSTRAINT fk_kb_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_kb_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One vote per staff user and article; voting again changes the vote. The
-- counters of kb_articles are recounted from here in the same transaction.
CREATE TABLE kb_votes (
  article_id  BIGINT UNSIGNED NOT NULL,
  user_id     BIGINT UNSIGNED NOT NULL,
  helpful     TINYINT(1) NOT NULL,
  voted_at    DATETIME NOT NULL,
  PRIMARY KEY (article_id, user_id),
  KEY ix_kb_votes_user (user_id),
  CONSTRAINT fk_kb_votes_article FOREIGN KEY (article_id) REFERENCES kb_articles (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_kb_votes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- A customer's appliance under a maintenance contract.
CREATE TABLE customer_assets (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  customer_name  VARCHAR(100) NOT NULL,
  phone          VARCHAR(32) NOT NULL,
  address        VARCHAR(255) NOT NULL DEFAULT '',
  product        VARCHAR(100) NOT NULL DEFAULT '',
  serial         VARCHAR(64) NOT NULL DEFAULT '',
  category_id    BIGINT UNSIGNED NOT NULL,
  created_at     DATETIME NOT NULL,
  KEY ix_assets_phone (phone),
  CONSTRAINT fk_assets_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Recurring maintenance of an asset: `sl-cli plans-run` opens a ticket
-- (channel 'plan') for every active plan whose next_due has come.
CREATE TABLE maintenance_plans (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  asset_id        BIGINT UNSIGNED NOT NULL,
  title           VARCHAR(100) NOT NULL,
  interval_days   INT UNSIGNED NOT NULL,
  next_due        DATE NOT NULL,
  active          TINYINT(1) NOT NULL DEFAULT 1,
  last_ticket_id  BIGINT UNSIGNED NULL,
  form_token      CHAR(64) CHARACTER SET ascii NULL,
  version         INT UNSIGNED NOT NULL DEFAULT 1,
  created_by      BIGINT UNSIGNED NULL,
  created_at      DATETIME NOT NULL,
  updated_at      DATETIME NOT NULL,
  UNIQUE KEY uk_plans_form_token (form_token),
  KEY ix_plans_due (active, next_due),
  KEY ix_plans_asset (asset_id),
  CONSTRAINT fk_plans_asset FOREIGN KEY (asset_id) REFERENCES customer_assets (id),
  CONSTRAINT fk_plans_ticket FOREIGN KEY (last_ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_plans_creator FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT ck_plans_interval CHECK (interval_days BETWEEN 1 AND 3650)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per plan and due date that got its ticket. UNIQUE (plan_id,
-- due_date) makes the run idempotent: a second run (or two at once) finds
-- the date done; the ticket itself is idempotent by its form_token
-- "plan:<plan id>:<due date>".
CREATE TABLE plan_runs (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  plan_id     BIGINT UNSIGNED NOT NULL,
  due_date    DATE NOT NULL,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  UNIQUE KEY uk_plan_runs (plan_id, due_date),
  CONSTRAINT fk_plan_runs_plan FOREIGN KEY (plan_id) REFERENCES maintenance_plans (id),
  CONSTRAINT fk_plan_runs_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB;

-- Seed articles. search_text = search_tokens("<title> <tags> <body>"),
-- computed by a small program linked with cgi/core/search.c (the body's
-- \n are newlines there, as in the SQL literal). Recompute them the same way
-- whenever a seed text or the tokenizer changes; tests/http/test_kb.c
-- checks that the seeds are found.
INSERT INTO kb_articles (kind, title, body, category_id, tags, search_text,
  created_at, updated_at) VALUES
  ('sop', '家用空调不制冷排查 SOP',
   '适用:家用分体式、柜式空调开机后不制冷或制冷效果差。\n\n1. 确认设置:遥控器为制冷模式,设定温度低于室温 2 度以上,风速不是“静音”。\n2. 检查室内机滤网:滤网堵塞会导致风量小、制冷差,清洗后复测出风温度。\n3. 检查室外机:是否启动、风扇是否转动,外机周围 50 厘米内不得有遮挡,散热片脏堵需清洗。\n4. 测量出风口温度:正常制冷时进出风温差应在 8~12 度。\n5. 测量系统压力:低压低于 0.4 MPa 多为制冷剂不足,先查漏点(接头、喇叭口、蒸发器)再补充制冷剂,不得只补不修。\n6. 外机运转但不制冷且压力异常时,检查四通阀是否串气、压缩机是否启动。\n\n完成后向用户说明原因,记录压力与温差数据。',
   (SELECT id FROM categories WHERE code = 'ac'), '空调,不制冷,制冷剂,滤网',
   'c5bb67528 c75287a7a c7a7a8c03 c8c034e0d c4e0d5236 c523651b7 c51b76392 c639267e5 aasop c7a7a8c03 c4e0d5236 c523651b7 c523651b7 c51b75242 c6ee47f51 c90027528 c5bb67528 c75285206 c52064f53 c4f535f0f c67dc5f0f c5f0f7a7a c7a7a8c03 c8c035f00 c5f00673a c673a540e c540e4e0d c4e0d5236 c523651b7 c51b76216 c62165236 c523651b7 c51b76548 c6548679c c679c5dee aa1 c786e8ba4 c8ba48bbe c8bbe7f6e c906563a7 c63a75668 c56684e3a c4e3a5236 c523651b7 c51b76a21 c6a215f0f c8bbe5b9a c5b9a6e29 c6e295ea6 c5ea64f4e c4f4e4e8e c4e8e5ba4 c5ba46e29 aa2 c5ea64ee5 c4ee54e0a c98ce901f c901f4e0d c4e0d662f c975997f3 aa2 c68c067e5 c67e55ba4 c5ba45185 c5185673a c673a6ee4 c6ee47f51 c6ee47f51 c7f515835 c5835585e c585e4f1a c4f1a5bfc c5bfc81f4 c81f498ce c98ce91cf c91cf5c0f c523651b7 c51b75dee c6e056d17 c6d17540e c540e590d c590d6d4b c6d4b51fa c51fa98ce c98ce6e29 c6e295ea6 aa3 c68c067e5 c67e55ba4 c5ba45916 c5916673a c662f5426 c5426542f c542f52a8 c98ce6247 c6247662f c662f5426 c54268f6c c8f6c52a8 c5916673a c673a5468 c546856f4 aa50 c53987c73 c7c735185 c51854e0d c4e0d5f97 c5f976709 c6709906e c906e6321 c656370ed c70ed7247 c7247810f c810f5835 c58359700 c97006e05 c6e056d17 aa4 c6d4b91cf c91cf51fa c51fa98ce c98ce53e3 c53e36e29 c6e295ea6 c6b635e38 c5e385236 c523651b7 c51b765f6 c65f68fdb c8fdb51fa c51fa98ce c98ce6e29 c6e295dee c5dee5e94 c5e945728 aa8 aa12 c5ea6 aa5 c6d4b91cf c91cf7cfb c7cfb7edf c7edf538b c538b529b c4f4e538b c538b4f4e c4f4e4e8e aa0 aa4 aampa c591a4e3a c4e3a5236 c523651b7 c51b75242 c52424e0d c4e0d8db3 c514867e5 c67e56f0f c6f0f70b9 c63a55934 c558753ed c53ed53e3 c84b853d1 c53d15668 c518d8865 c88655145 c51455236 c523651b7 c51b75242 c4e0d5f97 c5f9753ea c53ea8865 c88654e0d c4e0d4fee aa6 c5916673a c673a8fd0 c8fd08f6c c8f6c4f46 c4f464e0d c4e0d5236 c523651b7 c51b74e14 c4e14538b c538b529b c529b5f02 c5f025e38 c5e3865f6 c68c067e5 c67e556db c56db901a c901a9600 c9600662f c662f5426 c54264e32 c4e326c14 c538b7f29 c7f29673a c673a662f c662f5426 c5426542f c542f52a8 c5b8c6210 c6210540e c540e5411 c54117528 c75286237 c62378bf4 c8bf4660e c660e539f c539f56e0 c8bb05f55 c5f55538b c538b529b c529b4e0e c4e0e6e29 c6e295dee c5dee6570 c6570636e',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('faq', '冰箱异响怎么办',
   '问:冰箱运行时有“嗡嗡”“咔嗒”或“滴水”声,正常吗?\n\n答:\n- 轻微“嗡嗡”声是压缩机运转声,属于正常。\n- 开停机时的“咔嗒”声是温控器或继电器动作,属于正常。\n- 流水声是制冷剂在管路中流动,属于正常。\n- 持续的金属撞击声、明显振动:检查冰箱是否放平、四脚是否着地,背部是否贴墙,冰箱顶部是否放了物品。\n- 风冷冰箱有刮擦声:多为风扇叶被冰块或异物卡住,需化霜后检查风扇。\n\n调平后仍有异常大声响,请登记上门检测压缩机。',
   (SELECT id FROM categories WHERE code = 'fridge'), '冰箱,异响,压缩机,噪音',
   'c51b07bb1 c7bb15f02 c5f0254cd c54cd600e c600e4e48 c4e48529e c51b07bb1 c5f0254cd c538b7f29 c7f29673a c566a97f3 c95ee c51b07bb1 c7bb18fd0 c8fd0884c c884c65f6 c65f66709 c55e155e1 c549455d2 c6216 c6ef46c34 c58f0 c6b635e38 c5e385417 c7b54 c8f7b5fae c55e155e1 c58f0662f c662f538b c538b7f29 c7f29673a c673a8fd0 c8fd08f6c c8f6c58f0 c5c5e4e8e c4e8e6b63 c6b635e38 c5f00505c c505c673a c673a65f6 c65f67684 c549455d2 c58f0662f c662f6e29 c6e2963a7 c63a75668 c56686216 c62167ee7 c7ee77535 c75355668 c566852a8 c52a84f5c c5c5e4e8e c4e8e6b63 c6b635e38 c6d416c34 c6c3458f0 c58f0662f c662f5236 c523651b7 c51b75242 c52425728 c57287ba1 c7ba18def c8def4e2d c4e2d6d41 c6d4152a8 c5c5e4e8e c4e8e6b63 c6b635e38 c63017eed c7eed7684 c768491d1 c91d15c5e c5c5e649e c649e51fb c51fb58f0 c660e663e c663e632f c632f52a8 c68c067e5 c67e551b0 c51b07bb1 c7bb1662f c662f5426 c5426653e c653e5e73 c56db811a c811a662f c662f5426 c54267740 c77405730 c80cc90e8 c90e8662f c662f5426 c54268d34 c8d345899 c51b07bb1 c7bb19876 c987690e8 c90e8662f c662f5426 c5426653e c653e4e86 c4e867269 c726954c1 c98ce51b7 c51b751b0 c51b07bb1 c7bb16709 c6709522e c522e64e6 c64e658f0 c591a4e3a c4e3a98ce c98ce6247 c624753f6 c53f688ab c88ab51b0 c51b05757 c57576216 c62165f02 c5f027269 c72695361 c53614f4f c97005316 c5316971c c971c540e c540e68c0 c68c067e5 c67e598ce c98ce6247 c8c035e73 c5e73540e c540e4ecd c4ecd6709 c67095f02 c5f025e38 c5e385927 c592758f0 c58f054cd c8bf7767b c767b8bb0 c8bb04e0a c4e0a95e8 c95e868c0 c68c06d4b c6d4b538b c538b7f29 c7f29673a',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('case', '滚筒洗衣机底部漏水案例',
   '现象:用户反映滚筒洗衣机洗涤时底部有水流出,地面积水。\n\n处理过程:\n1. 空桶进水观察,进水管接头无渗漏。\n2. 打开前下盖板,发现排水泵过滤器盖未拧紧,密封圈移位。\n3. 同时检查门封(窗垫)有一处被硬币划破的小口。\n\n结论:排水泵过滤器未拧紧为主要原因,门封破损为次要原因。\n\n处理:重新安装过滤器并更换密封圈,更换门封。试机三次洗涤无漏水。\n\n经验:漏水先分清进水、洗涤、排水哪个阶段,再看位置;清理过滤器后务必提醒用户拧紧。',
   (SELECT id FROM categories WHERE code = 'washer'), '洗衣机,漏水,排水泵,门封',
   'c6eda7b52 c7b526d17 c6d178863 c8863673a c673a5e95 c5e9590e8 c90e86f0f c6f0f6c34 c6c346848 c68484f8b c6d178863 c8863673a c6f0f6c34 c63926c34 c6c346cf5 c95e85c01 c73b08c61 c75286237 c623753cd c53cd6620 c66206eda c6eda7b52 c7b526d17 c6d178863 c8863673a c673a6d17 c6d176da4 c6da465f6 c65f65e95 c5e9590e8 c90e86709 c67096c34 c6c346d41 c6d4151fa c57309762 c976279ef c79ef6c34 c59047406 c74068fc7 c8fc77a0b aa1 c7a7a6876 c68768fdb c8fdb6c34 c6c3489c2 c89c25bdf c8fdb6c34 c6c347ba1 c7ba163a5 c63a55934 c593465e0 c65e06e17 c6e176f0f aa2 c62535f00 c5f00524d c524d4e0b c4e0b76d6 c76d6677f c53d173b0 c73b06392 c63926c34 c6c346cf5 c6cf58fc7 c8fc76ee4 c6ee45668 c566876d6 c76d6672a c672a62e7 c62e77d27 c5bc65c01 c5c015708 c570879fb c79fb4f4d aa3 c540c65f6 c65f668c0 c68c067e5 c67e595e8 c95e85c01 c7a9757ab c67094e00 c4e005904 c590488ab c88ab786c c786c5e01 c5e015212 c52127834 c78347684 c76845c0f c5c0f53e3 c7ed38bba c63926c34 c6c346cf5 c6cf58fc7 c8fc76ee4 c6ee45668 c5668672a c672a62e7 c62e77d27 c7d274e3a c4e3a4e3b c4e3b8981 c8981539f c539f56e0 c95e85c01 c5c017834 c7834635f c635f4e3a c4e3a6b21 c6b218981 c8981539f c539f56e0 c59047406 c91cd65b0 c65b05b89 c5b8988c5 c88c58fc7 c8fc76ee4 c6ee45668 c56685e76 c5e7666f4 c66f46362 c63625bc6 c5bc65c01 c5c015708 c66f46362 c636295e8 c95e85c01 c8bd5673a c673a4e09 c4e096b21 c6b216d17 c6d176da4 c6da465e0 c65e06f0f c6f0f6c34 c7ecf9a8c c6f0f6c34 c6c345148 c51485206 c52066e05 c6e058fdb c8fdb6c34 c6d176da4 c63926c34 c6c3454ea c54ea4e2a c4e2a9636 c96366bb5 c518d770b c770b4f4d c4f4d7f6e c6e057406 c74068fc7 c8fc76ee4 c6ee45668 c5668540e c540e52a1 c52a15fc5 c5fc563d0 c63d09192 c91927528 c75286237 c623762e7 c62e77d27',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('faq', '燃气热水器打不着火',
   '问:燃气热水器开热水后不点火或点火后熄灭,怎么办?\n\n答:\n1. 确认燃气阀门已打开,燃气表有余额,家里其它燃气灶能否正常使用。\n2. 检查电池(电池款)是否没电,更换两节新的 1 号电池。\n3. 水压太低时热水器不会启动:把热水阀开大,清洗进水口过滤网。\n4. 冬季长时间未用,管道里有空气,连续点火几次即可。\n5. 显示故障代码时,记录代码并登记上门。\n\n如闻到燃气味,立即关闭燃气总阀、开窗通风,不要开关电器,并拨打燃气公司电话。',
   (SELECT id FROM categories WHERE code = 'water_heater'), '热水器,点火,燃气,打不着火',
   'c71c36c14 c6c1470ed c70ed6c34 c6c345668 c56686253 c62534e0d c4e0d7740 c7740706b c70ed6c34 c6c345668 c70b9706b c71c36c14 c62534e0d c4e0d7740 c7740706b c95ee c71c36c14 c6c1470ed c70ed6c34 c6c345668 c56685f00 c5f0070ed c70ed6c34 c6c34540e c540e4e0d c4e0d70b9 c70b9706b c706b6216 c621670b9 c70b9706b c706b540e c540e7184 c7184706d c600e4e48 c4e48529e c7b54 aa1 c786e8ba4 c8ba471c3 c71c36c14 c6c149600 c960095e8 c95e85df2 c5df26253 c62535f00 c71c36c14 c6c148868 c88686709 c67094f59 c4f59989d c5bb691cc c91cc5176 c51765b83 c5b8371c3 c71c36c14 c6c147076 c707680fd c80fd5426 c54266b63 c6b635e38 c5e384f7f c4f7f7528 aa2 c68c067e5 c67e57535 c75356c60 c75356c60 c6c606b3e c662f5426 c54266ca1 c6ca17535 c66f46362 c63624e24 c4e248282 c828265b0 c65b07684 aa1 c53f77535 c75356c60 aa3 c6c34538b c538b592a c592a4f4e c4f4e65f6 c65f670ed c70ed6c34 c6c345668 c56684e0d c4e0d4f1a c4f1a542f c542f52a8 c628a70ed c70ed6c34 c6c349600 c96005f00 c5f005927 c6e056d17 c6d178fdb c8fdb6c34 c6c3453e3 c53e38fc7 c8fc76ee4 c6ee47f51 aa4 c51ac5b63 c5b63957f c957f65f6 c65f695f4 c95f4672a c672a7528 c7ba19053 c905391cc c91cc6709 c67097a7a c7a7a6c14 c8fde7eed c7eed70b9 c70b9706b c706b51e0 c51e06b21 c6b215373 c537353ef aa5 c663e793a c793a6545 c6545969c c969c4ee3 c4ee37801 c780165f6 c8bb05f55 c5f554ee3 c4ee37801 c78015e76 c5e76767b c767b8bb0 c8bb04e0a c4e0a95e8 c598295fb c95fb5230 c523071c3 c71c36c14 c6c145473 c7acb5373 c53735173 c517395ed c95ed71c3 c71c36c14 c6c14603b c603b9600 c5f007a97 c7a97901a c901a98ce c4e0d8981 c89815f00 c5f005173 c51737535 c75355668 c5e7662e8 c62e86253 c625371c3 c71c36c14 c6c14516c c516c53f8 c53f87535 c75358bdd',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('sop', '电视开机黑屏有声音排查',
   '适用:液晶电视开机有声音但屏幕不亮。\n\n1. 用手电筒斜照屏幕:能看到模糊图像说明背光故障,否则多为主板或屏线问题。\n2. 确认信号源选择正确,进入菜单看菜单是否显示。\n3. 背光故障:检查电源板背光输出电压,再检查灯条(常见为某颗 LED 灯珠烧坏导致整串不亮)。\n4. 更换灯条时整套更换,注意扩散板与反射纸的安装顺序。\n5. 有图像无背光且电源板正常,检查恒流板。\n\n维修后连续开机 30 分钟确认稳定。',
   (SELECT id FROM categories WHERE code = 'tv'), '电视,黑屏,背光,有声音',
   'c753589c6 c89c65f00 c5f00673a c673a9ed1 c9ed15c4f c5c4f6709 c670958f0 c58f097f3 c97f36392 c639267e5 c753589c6 c9ed15c4f c80cc5149 c670958f0 c58f097f3 c90027528 c6db26676 c66767535 c753589c6 c89c65f00 c5f00673a c673a6709 c670958f0 c58f097f3 c97f34f46 c4f465c4f c5c4f5e55 c5e554e0d c4e0d4eae aa1 c7528624b c624b7535 c75357b52 c7b52659c c659c7167 c71675c4f c5c4f5e55 c80fd770b c770b5230 c52306a21 c6a217cca c7cca56fe c56fe50cf c50cf8bf4 c8bf4660e c660e80cc c80cc5149 c51496545 c6545969c c54265219 c5219591a c591a4e3a c4e3a4e3b c4e3b677f c677f6216 c62165c4f c5c4f7ebf c7ebf95ee c95ee9898 aa2 c786e8ba4 c8ba44fe1 c4fe153f7 c53f76e90 c6e909009 c900962e9 c62e96b63 c6b63786e c8fdb5165 c516583dc c83dc5355 c5355770b c770b83dc c83dc5355 c5355662f c662f5426 c5426663e c663e793a aa3 c80cc5149 c51496545 c6545969c c68c067e5 c67e57535 c75356e90 c6e90677f c677f80cc c80cc5149 c51498f93 c8f9351fa c51fa7535 c7535538b c518d68c0 c68c067e5 c67e5706f c706f6761 c5e3889c1 c89c14e3a c4e3a67d0 c67d09897 aaled c706f73e0 c73e070e7 c70e7574f c574f5bfc c5bfc81f4 c81f46574 c65744e32 c4e324e0d c4e0d4eae aa4 c66f46362 c6362706f c706f6761 c676165f6 c65f66574 c65745957 c595766f4 c66f46362 c6ce8610f c610f6269 c62696563 c6563677f c677f4e0e c4e0e53cd c53cd5c04 c5c047eb8 c7eb87684 c76845b89 c5b8988c5 c88c5987a c987a5e8f aa5 c670956fe c56fe50cf c50cf65e0 c65e080cc c80cc5149 c51494e14 c4e147535 c75356e90 c6e90677f c677f6b63 c6b635e38 c68c067e5 c67e56052 c60526d41 c6d41677f c7ef44fee c4fee540e c540e8fde c8fde7eed c7eed5f00 c5f00673a aa30 c5206949f c949f786e c786e8ba4 c8ba47a33 c7a335b9a',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('faq', '空调外机滴水是否正常',
   '问:空调外机滴水、室内机漏水是否正常?\n\n答:\n- 制冷时室外机滴少量水属于正常,是冷凝水;制热时外机化霜也会排水。\n- 室内机漏水不正常,常见原因:排水管弯折或堵塞、排水管坡度不够、室内机安装不水平、滤网太脏导致蒸发器结霜。\n- 处理:清理排水管、调整坡度,清洗滤网;仍漏水请登记上门。\n\n提示:冷凝水排放不能直接滴到楼下住户窗台,可加装排水管引流。',
   (SELECT id FROM categories WHERE code = 'ac'), '空调,滴水,冷凝水,排水管',
   'c7a7a8c03 c8c035916 c5916673a c673a6ef4 c6ef46c34 c6c34662f c662f5426 c54266b63 c6b635e38 c7a7a8c03 c6ef46c34 c51b751dd c51dd6c34 c63926c34 c6c347ba1 c95ee c7a7a8c03 c8c035916 c5916673a c673a6ef4 c6ef46c34 c5ba45185 c5185673a c673a6f0f c6f0f6c34 c6c34662f c662f5426 c54266b63 c6b635e38 c7b54 c523651b7 c51b765f6 c65f65ba4 c5ba45916 c5916673a c673a6ef4 c6ef45c11 c5c1191cf c91cf6c34 c6c345c5e c5c5e4e8e c4e8e6b63 c6b635e38 c662f51b7 c51b751dd c51dd6c34 c523670ed c70ed65f6 c65f65916 c5916673a c673a5316 c5316971c c971c4e5f c4e5f4f1a c4f1a6392 c63926c34 c5ba45185 c5185673a c673a6f0f c6f0f6c34 c6c344e0d c4e0d6b63 c6b635e38 c5e3889c1 c89c1539f c539f56e0 c63926c34 c6c347ba1 c7ba15f2f c5f2f6298 c62986216 c62165835 c5835585e c63926c34 c6c347ba1 c7ba15761 c57615ea6 c5ea64e0d c4e0d591f c5ba45185 c5185673a c673a5b89 c5b8988c5 c88c54e0d c4e0d6c34 c6c345e73 c6ee47f51 c7f51592a c592a810f c810f5bfc c5bfc81f4 c81f484b8 c84b853d1 c53d15668 c56687ed3 c7ed3971c c59047406 c6e057406 c74066392 c63926c34 c6c347ba1 c8c036574 c65745761 c57615ea6 c6e056d17 c6d176ee4 c6ee47f51 c4ecd6f0f c6f0f6c34 c6c348bf7 c8bf7767b c767b8bb0 c8bb04e0a c4e0a95e8 c63d0793a c51b751dd c51dd6c34 c6c346392 c6392653e c653e4e0d c4e0d80fd c80fd76f4 c76f463a5 c63a56ef4 c6ef45230 c5230697c c697c4e0b c4e0b4f4f c4f4f6237 c62377a97 c7a9753f0 c53ef52a0 c52a088c5 c88c56392 c63926c34 c6c347ba1 c7ba15f15 c5f156d41',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('sop', '上门服务规范(通用)',
   '适用:所有上门维修、安装、保养。\n\n1. 上门前 30 分钟电话联系用户,确认地址和时间,迟到须提前告知。\n2. 进门出示工作证,穿鞋套,工具放在垫布上。\n3. 先听用户描述,再检查,维修前说明原因、方案和费用,征得同意后再动手。\n4. 更换的旧件交给用户查看,收费开具凭据,不收取额外费用。\n5. 完工后试机,清理现场,讲解使用注意事项。\n6. 在系统中记录到达、完工时间、所用备件,提醒用户参与满意度评价。',
   NULL, '上门,服务规范,礼仪',
   'c4e0a95e8 c95e8670d c670d52a1 c52a189c4 c89c48303 c901a7528 c4e0a95e8 c670d52a1 c52a189c4 c89c48303 c793c4eea c90027528 c62406709 c67094e0a c4e0a95e8 c95e87ef4 c7ef44fee c5b8988c5 c4fdd517b aa1 c4e0a95e8 c95e8524d aa30 c5206949f c949f7535 c75358bdd c8bdd8054 c80547cfb c7cfb7528 c75286237 c786e8ba4 c8ba45730 c57305740 c5740548c c548c65f6 c65f695f4 c8fdf5230 c5230987b c987b63d0 c63d0524d c524d544a c544a77e5 aa2 c8fdb95e8 c95e851fa c51fa793a c793a5de5 c5de54f5c c4f5c8bc1 c7a7f978b c978b5957 c5de55177 c5177653e c653e5728 c572857ab c57ab5e03 c5e034e0a aa3 c5148542c c542c7528 c75286237 c623763cf c63cf8ff0 c518d68c0 c68c067e5 c7ef44fee c4fee524d c524d8bf4 c8bf4660e c660e539f c539f56e0 c65b96848 c6848548c c548c8d39 c8d397528 c5f815f97 c5f97540c c540c610f c610f540e c540e518d c518d52a8 c52a8624b aa4 c66f46362 c63627684 c768465e7 c65e74ef6 c4ef64ea4 c4ea47ed9 c7ed97528 c75286237 c623767e5 c67e5770b c65368d39 c8d395f00 c5f005177 c517751ed c51ed636e c4e0d6536 c653653d6 c53d6989d c989d5916 c59168d39 c8d397528 aa5 c5b8c5de5 c5de5540e c540e8bd5 c8bd5673a c6e057406 c740673b0 c73b0573a c8bb289e3 c89e34f7f c4f7f7528 c75286ce8 c6ce8610f c610f4e8b c4e8b9879 aa6 c57287cfb c7cfb7edf c7edf4e2d c4e2d8bb0 c8bb05f55 c5f555230 c52308fbe c5b8c5de5 c5de565f6 c65f695f4 c62407528 c75285907 c59074ef6 c63d09192 c91927528 c75286237 c623753c2 c53c24e0e c4e0e6ee1 c6ee1610f c610f5ea6 c5ea68bc4 c8bc44ef7',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
, ('case', '冰箱冷藏室结冰案例',
   '现象:直冷冰箱冷藏室后壁大量结冰,食物被冻坏。\n\n处理过程:\n1. 询问用户,温控档位设在最高档(最冷)。\n2. 检查门封,底部门封变形漏气,热气进入后在后壁结冰。\n3. 冷藏室排水孔被食物残渣堵住,化霜水结成冰。\n\n处理:温控调到中间档,用热风软化后矫正门封,疏通排水孔。\n\n经验:冷藏结冰先看档位、门封、排水孔三项,大多数不需要更换配件。',
   (SELECT id FROM categories WHERE code = 'fridge'), '冰箱,结冰,温控,冷藏室',
   'c51b07bb1 c7bb151b7 c51b785cf c85cf5ba4 c5ba47ed3 c7ed351b0 c51b06848 c68484f8b c51b07bb1 c7ed351b0 c6e2963a7 c51b785cf c85cf5ba4 c73b08c61 c76f451b7 c51b751b0 c51b07bb1 c7bb151b7 c51b785cf c85cf5ba4 c5ba4540e c540e58c1 c58c15927 c592791cf c91cf7ed3 c7ed351b0 c98df7269 c726988ab c88ab51bb c51bb574f c59047406 c74068fc7 c8fc77a0b aa1 c8be295ee c95ee7528 c75286237 c6e2963a7 c63a76863 c68634f4d c4f4d8bbe c8bbe5728 c57286700 c67009ad8 c9ad86863 c670051b7 aa2 c68c067e5 c67e595e8 c95e85c01 c5e9590e8 c90e895e8 c95e85c01 c5c0153d8 c53d85f62 c5f626f0f c6f0f6c14 c70ed6c14 c6c148fdb c8fdb5165 c5165540e c540e5728 c5728540e c540e58c1 c58c17ed3 c7ed351b0 aa3 c51b785cf c85cf5ba4 c5ba46392 c63926c34 c6c345b54 c5b5488ab c88ab98df c98df7269 c72696b8b c6b8b6e23 c6e235835 c58354f4f c5316971c c971c6c34 c6c347ed3 c7ed36210 c621051b0 c59047406 c6e2963a7 c63a78c03 c8c035230 c52304e2d c4e2d95f4 c95f46863 c752870ed c70ed98ce c98ce8f6f c8f6f5316 c5316540e c540e77eb c77eb6b63 c6b6395e8 c95e85c01 c758f901a c901a6392 c63926c34 c6c345b54 c7ecf9a8c c51b785cf c85cf7ed3 c7ed351b0 c51b05148 c5148770b c770b6863 c68634f4d c95e85c01 c63926c34 c6c345b54 c5b544e09 c4e099879 c5927591a c591a6570 c65704e0d c4e0d9700 c97008981 c898166f4 c66f46362 c6362914d c914d4ef6',
   UTC_TIMESTAMP(), UTC_TIMESTAMP())
;
