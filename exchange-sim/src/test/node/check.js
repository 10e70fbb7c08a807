// Drives the simulator with Kalshi's official TypeScript SDK (REST) and the ws package (WebSocket),
// exactly as a user of the real exchange would, and prints what it saw as one JSON object.
// Usage: node check.js REST_BASE WS_URL KEY_ID PRIVATE_KEY_FILE
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const WebSocket = require('ws');
const axios = require('axios');
const { Configuration, MarketApi, EventsApi, ExchangeApi } = require('kalshi-typescript');

const [restBase, wsUrl, keyId, keyFile] = process.argv.slice(2);
const config = new Configuration({ apiKey: keyId, privateKeyPath: keyFile, basePath: restBase });
const markets = new MarketApi(config);
const events = new EventsApi(config);
const exchange = new ExchangeApi(config);

async function allMarkets() {
  const tickers = [];
  let cursor;
  let pages = 0;
  do {
    const page = (await markets.getMarkets(7, cursor)).data;
    page.markets.forEach((m) => tickers.push(m.ticker));
    cursor = page.cursor;
    pages++;
  } while (cursor);
  return { tickers, pages };
}

function wsCheck(ticker) {
  return new Promise((resolve, reject) => {
    const ts = Date.now().toString();
    const path = new URL(wsUrl).pathname;
    const signature = crypto
      .sign('sha256', Buffer.from(ts + 'GET' + path), {
        key: fs.readFileSync(keyFile, 'utf8'),
        padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
        saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST,
      })
      .toString('base64');
    const ws = new WebSocket(wsUrl, {
      headers: { 'KALSHI-ACCESS-KEY': keyId, 'KALSHI-ACCESS-TIMESTAMP': ts, 'KALSHI-ACCESS-SIGNATURE': signature },
    });
    const seen = [];
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('no snapshot within 10 s: ' + JSON.stringify(seen))); }, 10000);
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'], market_tickers: [ticker] } })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      seen.push(frame.type);
      if (frame.type === 'orderbook_snapshot') {
        clearTimeout(timer);
        ws.close();
        resolve({ types: seen, snapshotTicker: frame.msg.market_ticker, snapshotSeq: frame.seq, sid: frame.sid });
      }
    });
    ws.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

(async () => {
  const status = (await exchange.getExchangeStatus()).data;
  const { tickers, pages } = await allMarkets();
  const one = (await markets.getMarket(tickers[0])).data.market;
  const book = (await markets.getMarketOrderbook(one.ticker)).data.orderbook_fp;
  const books = (await markets.getMarketOrderbooks(tickers.slice(0, 3))).data.orderbooks;
  const trades = (await markets.getTrades(100)).data.trades;
  const eventList = (await events.getEvents(200, undefined, true)).data.events;
  const event = (await events.getEvent(one.event_ticker, true)).data.event;
  const seriesOne = (await markets.getSeries(event.series_ticker)).data.series;
  let unauthorized = null;
  try {
    // its own axios instance: the SDK installs its signing interceptor on the instance it is given
    await new MarketApi(new Configuration({ basePath: restBase }), undefined, axios.create()).getMarketOrderbook(one.ticker);
  } catch (e) {
    unauthorized = e.response ? e.response.status : String(e);
  }
  const ws = await wsCheck(one.ticker);
  console.log(JSON.stringify({
    exchangeActive: status.exchange_active,
    marketCount: tickers.length,
    distinctMarkets: new Set(tickers).size,
    pages,
    oneTicker: one.ticker,
    bookHasSides: Array.isArray(book.yes_dollars) && Array.isArray(book.no_dollars),
    batchTickers: books.map((b) => b.ticker),
    tradeFieldsOk: trades.every((t) => t.trade_id && t.yes_price_dollars && t.count_fp),
    eventCount: eventList.length,
    eventTicker: event.event_ticker,
    seriesTicker: seriesOne.ticker,
    unauthorizedOrderbook: unauthorized,
    ws,
  }));
})().catch((e) => {
  console.error(e && e.response ? `${e.response.status} ${JSON.stringify(e.response.data)}` : e);
  process.exit(1);
});
